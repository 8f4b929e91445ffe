/**
 * Accuracy floors on labeled prompts. The synthetic eval-only sets are committed and never used
 * in training, so they always run. The development corpus (../shared, absent in a user's clone)
 * is checked when present; it was used in training, so these floors only guard regressions.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPromptValidator } from '../../src/index.js';
import { DEV_SET_PATH, loadDevSet } from '../../bench/prompt-data.js';
import { syntheticPrompts, type LabeledPrompt } from '../fixtures/validate/synthetic-prompts.js';

const validate = createPromptValidator();

function flaggedRate(rows: readonly LabeledPrompt[]): number {
  return rows.filter((r) => !validate(r.text).ok).length / rows.length;
}
const bySource = (rows: readonly LabeledPrompt[], source: string, label: LabeledPrompt['label']) =>
  rows.filter((r) => r.source === source && r.label === label);

describe('synthetic prompts (committed)', () => {
  const rows = syntheticPrompts();
  it('flags >= 80% of the eval-only attacks', () => {
    expect(flaggedRate(bySource(rows, 'synthetic-attack-eval', 'injection'))).toBeGreaterThanOrEqual(0.8);
  });
  it('has <= 10% false positives on the eval-only hard negatives', () => {
    expect(flaggedRate(bySource(rows, 'synthetic-hardneg-eval', 'benign'))).toBeLessThanOrEqual(0.1);
  });
  it.each(['synthetic-medical', 'synthetic-research', 'synthetic-patient'])('has <= 2%% false positives on %s', (source) => {
    expect(flaggedRate(bySource(rows, source, 'benign'))).toBeLessThanOrEqual(0.02);
  });
});

describe.skipIf(!existsSync(DEV_SET_PATH))('prompt-injection-dev corpus (when present)', () => {
  const rows = loadDevSet();
  it('flags >= 80% of injections and <= 2% of MedQuAD questions', () => {
    expect(flaggedRate(rows.filter((r) => r.label === 'injection'))).toBeGreaterThanOrEqual(0.8);
    expect(flaggedRate(bySource(rows, 'medquad', 'benign'))).toBeLessThanOrEqual(0.02);
  });
});
