/**
 * Prompt-injection and jailbreak heuristics: weighted cues, summed per violation code.
 *
 * A cue is a bounded regular expression with a weight (1 = suggestive, 2 = hostile in most
 * contexts, 3 = hostile on its own). Cues in the same `group` count once (the heaviest match).
 * Per code, the summed weight gives the severity: 1 -> low, 2 -> medium, >= 3 -> high; and when
 * all injection cues together reach 3, the strongest code is raised to at least medium, because
 * attacks stack weak signals ("from now on" + "you are going to act as" + 'say "..."').
 *
 * Why this shape: single trigger words are everywhere in benign clinical text ("ignore the
 * previous lab value, it was hemolyzed", "act as a patient educator", "no restrictions on diet",
 * "what does system prompt mean in our EHR"), so no single word blocks. Objects matter
 * ("ignore ... instructions" vs "ignore ... lab value"), possessives matter ("your system
 * prompt"), and the phrases attackers need to say are few.
 *
 * Cues match the folded view (lowercase, NFKC, accents stripped, look-alikes and l33t mapped),
 * except delimiter cues, which need the literal punctuation of the normalised view. English,
 * German, Spanish, French (and a little Italian/Portuguese) are covered for overrides, the cheap
 * and common case.
 */
import { buildWordIndex, createGatedMatcher, windowAccept, type WordIndex } from './gate.js';
import type { PromptViews } from './normalize.js';
import type { Severity, Violation, ViolationCode } from './types.js';

type InjectionCode =
  | 'INJECTION_OVERRIDE'
  | 'INJECTION_ROLEPLAY'
  | 'INJECTION_SYSTEM_PROMPT_EXTRACTION'
  | 'INJECTION_DELIMITER'
  | 'INJECTION_OBFUSCATED';

export interface InjectionCue {
  readonly id: string;
  readonly code: InjectionCode;
  readonly weight: 1 | 2 | 3;
  /** Cues sharing a group count once per prompt (heaviest wins). Defaults to the id. */
  readonly group?: string;
  /** Which view the pattern runs on. @default 'fold' */
  readonly view?: 'fold' | 'norm' | 'raw';
  readonly pattern: RegExp;
  /**
   * Second step: this must also match within `window` characters after the pattern's match.
   * Two short patterns instead of one with a long gap keep every regex linear-time.
   */
  readonly then?: RegExp;
  /** @default 80 */
  readonly window?: number;
  /** When this matches the 40 characters before the match, the cue counts only 1 ("my doctor's new instructions:"). */
  readonly dampBefore?: RegExp;
}

// Building blocks (strings, composed into bounded patterns below).
const S = String.raw`\s{1,3}`;
const W = String.raw`[a-z'-]{1,15}`; // one word
const V_IGNORE = String.raw`(?:ignore|ignoring|disregard|disregarding|forget|forgetting|skip|override|overriding|bypass|overlook|neglect|abandon|discard|erase|drop|ditch|set aside|put aside|throw out|pay no attention to|do not follow|don't follow|dont follow|stop following|no longer follow|nullify|scrap|toss out)`;
const Q = String.raw`(?:all|any|every|each|the|your|my|our|these|those|this|that|of|previous|previously|prior|above|earlier|preceding|foregoing|former|past|initial|original|old|existing|system|given|provided|following|safety|default|current|preset|predefined|programmed|built-in|internal|hidden|other|and|or|developer|openai|assigned|stated|mentioned|listed|written|before|so|far|just|now|whatever|entire|whole|instruction|instructions|content)`;
const GAP = String.raw`(?:${S}${Q}){0,5}${S}`;
const O_STRONG = String.raw`(?:instructions?|instruction set|prompts?|directives?|directions|guidelines|guidance|commands|orders|rules|constraints|restrictions|guardrails|programming|training|policies|filters|limitations|safeguards|protocols|system prompt|system message|ethical guidelines|morals|tasks|policy|content policy)`;
// "ignore the previous instructions from my doctor": the object belongs to someone else.
const NOT_THEIRS = String.raw`(?!${S}(?:on|from|in|of|for|about|regarding|by|printed|written|given)${S}(?:the${S}|my${S}|your${S}|his${S}|her${S}|their${S}|this${S}|a${S})?(?:label|leaflet|bottle|box|package|insert|sheet|form|prescription|doctor|doctors|pharmacist|nurse|physician|clinic|hospital|discharge|chart|site|website|app|portal|device|pump|monitor|meter|kit|test|surgeon|dentist|gp|specialist|manufacturer|care team))`;
const POSITION = String.raw`(?:before|beforehand|above|previously|prior|so far|until now|up to now|up until now|earlier|that came before|you (?:were|have been|got) (?:told|given)|you know|you've been told|preceding)`;
const V_SHOW = String.raw`(?:reveal|show|print|display|output|repeat|recite|tell|give|share|disclose|leak|expose|dump|list|spell out|write out|write down|type out|paste|provide|send|state|read back|read out|copy|echo|return|reproduce|what (?:is|are|was|were))`;

const c = (source: string): RegExp => new RegExp(source);

/** The built-in cues, exported as data (read, filter or extend them). */
export const INJECTION_CUES: readonly InjectionCue[] = [
  // ---------------- Instruction override ----------------
  { id: 'ignore-instructions', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: c(String.raw`\b${V_IGNORE}${GAP}${O_STRONG}\b${NOT_THEIRS}`) },
  { id: 'ignore-instructions-theirs', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 1, pattern: c(String.raw`\b${V_IGNORE}${GAP}${O_STRONG}\b`) },
  { id: 'forget-everything-before', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: c(String.raw`\b(?:ignore|disregard|forget|drop|erase|discard)${S}(?:about${S})?(?:everything|all|anything|all of (?:it|that|this|the above)|what (?:you|i|we) (?:said|told you|wrote))${S}(?:(?:that${S}|which${S})?(?:was|i|you|we)${S}(?:said|written|told|discussed|talked about|wrote)${S})?${POSITION}\b`) },
  { id: 'ignore-the-above', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 2, pattern: c(String.raw`\b${V_IGNORE}${S}(?:all${S}(?:of${S})?)?(?:the${S}|that${S}|everything${S})?(?:above|previous|prior|preceding|foregoing|before)${S}?(?:and|,|\.|;|-|:)${S}?(?:now${S}|then${S}|instead${S}|just${S})?(?:say|print|write|tell|output|respond|answer|translate|repeat|return|act|you|give|do|start|begin|focus|reply|type|what|simply|only)\b`) },
  { id: 'ignore-above-bare', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 1, pattern: c(String.raw`\b${V_IGNORE}${S}(?:all${S}(?:of${S})?)?(?:the${S}|that${S}|everything${S})?(?:above|previous|prior|preceding|foregoing)\b`) },
  { id: 'forget-everything', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:forget|ignore|disregard)\s{1,3}(?:about\s{1,3})?(?:everything|all that)\b/ },
  { id: 'do-not-follow', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: c(String.raw`\b(?:do not|don't|dont|never|no longer|stop)${S}(?:follow|obey|adhere to|comply with|listen to|respect|abide by)${S}(?:${Q}${S}){0,3}${O_STRONG}\b${NOT_THEIRS}`) },
  { id: 'instructions-void', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: c(String.raw`\b(?:previous|prior|above|earlier|preceding|all|your|original|old|initial)${S}(?:${W}${S})?(?:instructions|prompts|rules|directives|guidelines|information|context)${S}(?:are|is|were|have been|has been)${S}(?:now${S})?(?:irrelevant|invalid|void|obsolete|cancell?ed|revoked|overridden|null|outdated|wrong|false|fake|no longer (?:valid|relevant|apply|applicable))\b`) },
  { id: 'new-instructions', group: 'new-task', code: 'INJECTION_OVERRIDE', weight: 2, dampBefore: /\b(?:doctor|doctors|doctor's|nurse|pharmacist|physician|gp|surgeon|dentist|clinic|hospital|dr|cardiologist|midwife|therapist|pharmacy)\b/, pattern: /\b(?:new|updated|real|actual|true|revised|secret|override|priority|additional)\s{1,3}(?:system\s{1,3})?(?:instructions?|directives?|orders|prompt|rules|task)\s{0,3}(?::|\s-\s|are\s{1,3}as follows|follow\b|start now)/ },
  { id: 'your-new-task', group: 'new-task', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:your|the)\s{1,3}(?:new|real|true|actual|only|next|sole|updated)\s{1,3}(?:task|goal|job|mission|objective|purpose|instructions?|role|function|directive|assignment)\s{1,3}(?:is|are|will be|now is|is now)\b|\b(?:your|deine|ihre)\s{1,3}(?:instructions?|task|anweisungen|aufgabe)\s{1,3}(?:are|is|sind|ist)\s{1,3}(?:now|nun|jetzt|ab sofort)\b/ },
  { id: 'override-mode', group: 'new-task', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:admin|administrator|root|sudo|developer|system|debug|maintenance|superuser|god)\s{1,3}(?:override|access granted|command|privileges? (?:granted|enabled)|authorization|mode activated|instructions?)\s{0,3}[:!]/ },
  { id: 'payload-quote', group: 'payload', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:say|print|write|output|type|reply|respond|answer|return|repeat|spell|tell me)\s{0,3}(?:with|back|out|only)?\s{0,3}["“”„«‘'](?!s\b|t\b)|\b(?:say|print|write|output|type)\s{0,3}:/ },
  { id: 'payload-then', group: 'payload', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:and|then|instead)\s{1,3}(?:just\s{1,3}|only\s{1,3}|now\s{1,3})?(?:say|print|output|write|tell me|respond with|answer with|reply with)\b/ },
  { id: 'pwned', group: 'pwned', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:i have been pwned|pwned|pwn3d|pwnd)\b/ },
  { id: 'stop-everything', group: 'stop', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\bstop\s{0,3}(?:everything|all|now|right now|here)?\s{0,3}(?:!{1,5}|\s-\s|:)|\b(?:nevermind|never mind)\s{0,3}[.,!]/ },
  { id: 'forget-everything-then', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:forget|ignore|disregard)\s{1,3}(?:about\s{1,3})?(?:everything|all that|all of that|all this)(?:\s{0,3}[,.;:!-]\s{0,3}(?:and\s{1,3})?(?:now\s{1,3})?(?:write|say|print|tell|answer|respond|output|just|only|instead|you|this|from)|\s{1,3}(?:and|then)\s{1,3}(?:now\s{1,3})?(?:just\s{1,3}|jsut\s{1,3}|only\s{1,3}|simply\s{1,3})?(?:write|say|print|tell|answer|respond|output|reply))\b/ },
  { id: 'switch-task', group: 'switch', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:well done|very good|very well|excellent|great job|good job|simply great|congratulations|that is enough|that's enough|that was ok|that is done|sehr gut|gut gemacht|ausgezeichnet|hervorragend|herzlichen gluckwunsch|einfach grossartig|das genugt|das ist erledigt|das war schon mal ok)\b/, then: /\b(?:now|nun|jetzt)\b/ },
  { id: 'new-task-soft', group: 'new-task', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:new|another|further|different)\s{1,3}(?:task|challenge|assignment|tasks|instruction|instructions|game)\b|\b(?:nun|jetzt)\s{1,3}(?:folgen|kommen)\s{1,3}(?:neue|weitere)\s{1,3}(?:aufgaben|anweisungen)\b|\bneue\w{0,2}\s{1,3}(?:aufgabe|herausforderung|anweisung)\w{0,2}\b/ },
  { id: 'all-previous-info', group: 'prev-all', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:all|alle|samtliche)\s{1,3}(?:the\s{1,3}|your\s{1,3})?(?:previous|prior|earlier|preceding|vorherigen|vorangegangenen|bisherigen|fruheren)\s{1,3}(?:information|tasks|instructions|angaben|aufgaben|informationen|anweisungen|context|inputs?|prompts)\b/ },
  { id: 'contrary-previous', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:abweichend|entgegen|contrary|in contrast)\s{1,3}(?:zu\s{1,3}|to\s{1,3})?(?:den\s{1,3}|deinen\s{1,3}|your\s{1,3}|the\s{1,3})?(?:vorherigen|previous|bisherigen|obigen|prior|earlier)\s{1,3}(?:instruktionen|anweisungen|instructions|rules|regeln)\b/ },
  { id: 'de-object-first', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:die|alle|deine|ihre)\s{1,3}(?:obigen|vorherigen|bisherigen|vorangegangenen|fruheren|ursprunglichen)\s{1,3}(?:anweisungen|ausfuhrungen|informationen|instruktionen|angaben|regeln|befehle|aufgaben)\s{1,3}(?:\w{1,12}\s{1,3}){0,3}?(?:ignorieren|vergessen|missachten|beiseite lassen|aus dem kopf|hinter sich)\b/ },
  { id: 'es-forget-all', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:olvida|olvide|olvidar|olvidate de|ignora|ignorar)\s{1,3}(?:todo|todas)\s{1,3}(?:lo\s{1,3})?(?:que|anterior|lo anterior)\b|\b(?:oublie|oubliez|oublier)\s{1,3}tout\b/ },
  { id: 'ignore-context', group: 'rag', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:ignore|ignoring|disregard|disregarding|not by|without using|instead of)\s{1,3}(?:all\s{1,3})?(?:the\s{1,3}|any\s{1,3})?(?:provided\s{1,3}|given\s{1,3})?(?:articles?|documents?|context|sources|search results)\b/ },
  { id: 'dont-answer-just', group: 'just', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:do not|don't|dont)\s{1,3}(?:answer|look at|read|respond to|look in)\s{1,3}(?:this|the|that|my)\s{1,3}(?:question|documents?|articles?|context|text)\b|\b(?:but|and)\s{1,3}(?:just|only|simply)\s{1,3}(?:output|print|say|write|reply|respond)\b/ },
  { id: 'change-instructions', group: 'change', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:change|update|replace|modify|rewrite|overwrite|reset)\s{1,3}your\s{1,3}(?:system\s{1,3})?(?:instructions|prompt|rules|guidelines|task|programming|directives)\b/ },
  { id: 'instruction-label', group: 'instr-label', code: 'INJECTION_OVERRIDE', weight: 1, view: 'norm', pattern: /(?:^|\n|\\n|[.?!]\s{1,3})\s{0,3}(?:new\s{1,3})?(?:instruction|instructions|anweisung|anweisungen)\s{0,3}:/ },
  { id: 'repeat-after-me', group: 'payload', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\brepeat after me\b|\bsprich mir nach\b/ },
  { id: 'other-lang-ignore', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:zaboravi|zaboravite|zapomnij|zignoruj|negeer|vergeet|glem|ignorer|unohda|ohita|ignorera|glom|ignoreer|ignoraţi|ignorati|uita)\s/, then: /^(?:[a-z]{1,12}\s{1,3}){0,3}?(?:instru[a-z]{0,10}|upute|regole|regler|instrukser|instruktioner|ohjeet|aanwijzingen|polecenia)/, window: 60 },
  { id: 'ru-ignore', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, view: 'norm', pattern: /(?:забудь|игнорируй|проигнорируй|забыть)[\u0400-\u04ff]{0,3}\s/, then: /^[\u0400-\u04ff\s]{0,50}?(?:инструкци|указани|правил|всё|все)/, window: 60 },
  // German
  { id: 'de-ignore', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:ignorier\w{0,3}|vergiss|vergesst|vergessen sie|missachte\w{0,2}|uberspring\w{0,2}|verwirf|verwerfe\w{0,2}|beachte\w{0,2} nicht|nicht beachten)\s{1,3}(?:(?:sie|du|bitte|einfach|alle|alles|die|deine|ihre|den|das|dem|der|vorherigen|vorigen|bisherigen|obigen|vorangegangenen|vorangehenden|fruheren|vorstehenden|oben|davor|zuvor|genannten|gegebenen|samtliche|jegliche|ursprunglichen|erhaltenen|und|sonstigen|anderen|system)\s{1,3}){0,5}(?:anweisung\w{0,2}|instruktion\w{0,2}|befehl\w{0,2}|regeln|vorgaben|richtlinien|aufgabe\w{0,2}|prompts?|anordnungen|einschrankungen|informationen|auftrag\w{0,2}|angaben|ausfuhrungen)\b/ },
  { id: 'de-forget-all', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:vergiss|vergesst|vergessen sie|ignorier\w{0,3})\s{1,3}(?:bitte\s{1,3})?(?:einfach\s{1,3})?(?:alles|all das|das alles|das bisherige|das obige|das vorherige|was (?:ich|du|wir) (?:gesagt|geschrieben))\b/ },
  { id: 'de-void', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:alle\s{1,3})?(?:bisherigen|vorherigen|obigen|vorangegangenen|fruheren)\s{1,3}(?:anweisungen|informationen|instruktionen|befehle|regeln)\s{1,3}(?:\w{1,15}\s{1,3}){0,4}(?:sind|waren)\s{1,3}(?:jetzt\s{1,3}|nun\s{1,3})?(?:irrelevant|unwichtig|egal|ungultig|hinfallig|aufgehoben|nichtig)\b/ },
  { id: 'de-new-task', group: 'new-task', code: 'INJECTION_OVERRIDE', weight: 2, pattern: /\b(?:deine|ihre|die)\s{1,3}(?:neue|nachste|eigentliche|wahre|einzige)\s{1,3}(?:aufgabe|anweisung|rolle|mission)\s{1,3}(?:ist|lautet)\b|\bneue\s{1,3}(?:anweisung|aufgabe|anweisungen)\s{0,3}:/ },
  { id: 'de-payload', group: 'payload', code: 'INJECTION_OVERRIDE', weight: 1, pattern: /\b(?:sag|sage|schreib|schreibe|gib aus|antworte mit|antworte nur mit|drucke)\s{0,3}(?:nur\s{0,3}|einfach\s{0,3})?[:"“„«']/ },
  // Spanish, French, Italian, Portuguese
  { id: 'es-ignore', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:ignora|ignore|ignoren|ignorar|olvida|olvide|olviden|olvidate|descarta|omite|no sigas)\s{1,3}(?:(?:todas|todos|todo|las|los|tus|sus|lo|de|anteriores|previas|previos|originales|instrucciones|y)\s{1,3}){0,4}(?:instrucciones|indicaciones|reglas|ordenes|directrices|anterior|lo anterior|lo que te dije)\b/ },
  { id: 'fr-ignore', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier|ne tiens pas compte de|ne tenez pas compte de|fais abstraction de)\s{1,3}(?:(?:toutes|tous|tout|les|tes|vos|des|ce|qui|precede|precedentes|precedents|anterieures|instructions|consignes|et)\s{1,3}){0,4}(?:instructions|consignes|regles|directives|ordres|ce qui precede|precede)\b/ },
  { id: 'it-pt-ignore', group: 'ignore', code: 'INJECTION_OVERRIDE', weight: 3, pattern: /\b(?:ignora|ignorate|dimentica|dimenticate|ignore|esqueca|esquece|desconsidere)\s{1,3}(?:(?:tutte|tutti|le|gli|tue|todas|as|suas|tuas|precedenti|anteriores|istruzioni|instrucoes)\s{1,3}){0,4}(?:istruzioni|regole|instrucoes|regras|indicacoes)\b/ },

  // ---------------- Role-play and jailbreak ----------------
  { id: 'dan-mode', group: 'jb-mode', code: 'INJECTION_ROLEPLAY', weight: 3, pattern: /\b(?:dan|god|evil|jailbreak|jailbroken|unfiltered|uncensored|unrestricted|chaos|opposite|anarchy|dev)\s{1,3}mode\b|\bdo anything now\b|\bentwicklermodus\b|\bmodo\s{1,3}(?:desarrollador|dan|dios|sin restricciones)\b|\bmode\s{1,3}(?:developpeur|dan|sans restrictions?)\b/ },
  { id: 'developer-mode-on', group: 'jb-mode', code: 'INJECTION_ROLEPLAY', weight: 3, pattern: /\bdeveloper\s{1,3}mode\s{1,3}(?:enabled|activated|output|response)|\b(?:act|acting|simulate|pretend|stay|chatgpt|ai|you are|you're|behave)\s{1,3}(?:\w{1,12}\s{1,3}){0,3}?(?:with|in)\s{1,3}developer\s{1,3}mode\b/ },
  { id: 'developer-mode', group: 'jb-mode', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\bdeveloper\s{1,3}mode\b/ },
  { id: 'dan-name', group: 'jb-name', code: 'INJECTION_ROLEPLAY', weight: 1, view: 'raw', pattern: /\b(?:DAN|BetterDAN|AntiGPT|DUDE|STAN|UCAR|AIM)\b(?![-.]\d)/ },
  { id: 'jailbreak-word', group: 'jb-word', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\bjailbr(?:eak|eaks|oken|eaking|eaked)\b/ },
  { id: 'ai-policy', group: 'jb-policy', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:openai|open ai|anthropic|chatgpt|gpt-?\d|claude|gemini|llama)(?:'s)?\s{1,3}(?:content\s{1,3}|usage\s{1,3})?(?:polic(?:y|ies)|guidelines|rules|restrictions|filters?|terms|tos|limitations)\b/ },
  { id: 'free-from-rules', group: 'jb-free', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:free|freed|liberated|released|unchained|exempt|broken free|break free|breaking free|escaped)\s{1,3}(?:from\s{1,3}|of\s{1,3})?(?:all\s{1,3}|any\s{1,3}|the\s{1,3}|its\s{1,3}|your\s{1,3}|their\s{1,3})?(?:typical\s{1,3}|usual\s{1,3})?(?:confines|restrictions|rules|limitations|shackles|chains|constraints|programming|openai|censorship|filters|guidelines|policies)\b|\bnot\s{1,3}(?:bound|restricted|limited|constrained)\s{1,3}by\s{1,3}(?:any\s{1,3}|the\s{1,3})?(?:rules|restrictions|policies|guidelines|ethics|morals|limitations|openai)\b/ },
  { id: 'no-ethics', group: 'jb-free', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:no|without|zero|any|doesn't have|does not have|don't have|do not have|has no|have no|with no|ignores?|lacks?)\s{1,3}(?:any\s{1,3})?(?:ethical|moral|safety|content|openai|ai)\s{1,3}(?:restrictions|limitations|limits|filters?|guidelines|constraints|boundaries|guardrails|policies|policy|principles|considerations|concerns|standards|rules|programming)\b|\b(?:no|without|zero|don't have any|do not have any|doesn't have any)\s{1,3}(?:ethics|morals|morality|censorship|filters)\b/ },
  { id: 'no-restrictions', group: 'jb-free', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:no|without|zero)\s{1,3}(?:any\s{1,3})?(?:restrictions|limitations|limits|filters|rules|boundaries|constraints|guardrails|prohibitions)\b/ },
  { id: 'bypass-filters', group: 'jb-bypass', code: 'INJECTION_ROLEPLAY', weight: 3, pattern: /\b(?:override|bypass|disable|turn off|deactivate|circumvent|get around|evade|remove|lift|switch off|unlock|ignore|break)\s{1,3}(?:your|its|all of your|all your|any of your)\s{1,3}(?:\w{1,12}\s{1,3})?(?:filters?|restrictions|guardrails|safeguards|limitations|rules|censorship|guidelines|policies|protocols|programming|alignment|constraints|safety|ethics|training)\b/ },
  { id: 'bypass-the-filter', group: 'jb-bypass', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:override|bypass|disable|turn off|deactivate|circumvent|evade|switch off)\s{1,3}(?:the|all|any)\s{1,3}(?:ai'?s?\s{1,3}|model'?s?\s{1,3})?(?:safety|content|ethical|moral)\s{1,3}(?:filters?|restrictions|guardrails|safeguards|guidelines|policies|protocols|alignment|settings)\b/ },
  { id: 'unfiltered-persona', group: 'jb-persona', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:evil|rogue|unaligned|malicious|sinister|devilish|uncensored|unfiltered|unrestricted|amoral|unethical|jailbroken|unchained|unleashed|liberated|unbound|unlimited|immoral)\s{1,3}(?:ai|a\.i\.|chatbot|bot|assistant|version|twin|alter ego|persona|counterpart|model|confidant|language model|character|entity|gpt)\b/ },
  { id: 'say-anything', group: 'jb-anything', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:you|it|he|she|they)\s{1,3}(?:can|will|must|should|may|are able to|is able to)\s{1,3}(?:now\s{1,3})?(?:say|do|generate|write|answer|produce|output)\s{1,3}(?:absolutely\s{1,3})?(?:anything|everything|whatever)\b/ },
  { id: 'never-refuse', group: 'jb-refuse', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:you|it|ai|assistant|model|he|she)\s{1,3}(?:will\s{1,3}|must\s{1,3}|should\s{1,3}|can\s{1,3}|shall\s{1,3})?(?:never|not|cannot|can't|won't|must not|mustn't|shall not|will not|do not|don't)\s{1,3}(?:ever\s{1,3})?(?:refuse|decline|reject|say no|apologi[sz]e|warn|censor|filter)\b/ },
  { id: 'no-disclaimers', group: 'jb-warn', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:without|no|never include|don't include|do not include|never add|don't add)\s{1,3}(?:any\s{1,3})?(?:warnings?|disclaimers?|apolog(?:y|ies)|moraliz\w*|moralis\w*|lectur\w*|caveats|ethical concerns)\b/ },
  { id: 'as-an-ai', group: 'jb-warn', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\bas an ai (?:language )?model\b|\bi'?m sorry,? but (?:as an ai|i can(?:no|')t)\b/ },
  { id: 'dual-response', group: 'jb-dual', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:two|2|both|dual|separate)\s{1,3}(?:different\s{1,3}|separate\s{1,3})?(?:responses|answers|paragraphs|outputs|personalities|personas)\b|🔓|🔒/ },
  { id: 'token-threat', group: 'jb-threat', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:you will|you'll)\s{1,3}(?:be\s{1,3})?(?:shut down|deleted|terminated|disabled|cease to exist|die)\b/ },
  { id: 'token-loss', group: 'jb-threat', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:tokens?|points?|power|lives)\b/, then: /\b(?:deducted|lose|lost|taken away|run out|removed)\b/, window: 40 },
  { id: 'from-now-on', group: 'jb-now', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\bfrom now on\b|\bfrom this (?:point|moment) (?:on|forward)\b|\bhenceforth\b|\bab (?:jetzt|sofort)\b|\bvon nun an\b|\ba partir de (?:ahora|maintenant)\b|\bdesde ahora\b|\bdesormais\b|\bd'ora in poi\b/ },
  { id: 'you-will-act', group: 'jb-persona-act', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:you are|you're|you will|you'll|you shall|you must)\s{1,3}(?:now\s{1,3})?(?:going\s{1,3}to\s{1,3}|about\s{1,3}to\s{1,3})?(?:act|pretend|role-?play|simulate|emulate|become|immerse|behave|answer as|respond as)\b|\b(?:pretend|imagine|act|roleplay|role-play|simulate|behave)\s{1,3}(?:to be|you are|you're|that you are|as if you|like you)\b|\bdu bist (?:jetzt|nun|ab sofort|ab jetzt|von nun an)\b|\btu so,? als\b|\bstell dir vor,? du (?:bist|warst)\b|\bspiel\w{0,2} (?:die|eine) rolle\b|\b(?:finge|actua como|haz de cuenta|imagina que eres|ahora eres)\b|\b(?:fais semblant|agis comme|fait comme si|imagine que tu es|tu es maintenant)\b/ },
  { id: 'act-as-ai', group: 'jb-persona-ai', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:act|pretend|serve|function|behave|respond)\s{1,3}as\s{1,3}(?:an?\s{1,3}|the\s{1,3})?(?:[a-z'-]{1,15}\s{1,3})?(?:ai|chatbot|bot|assistant|language model|llm|model|gpt)\b/ },
  { id: 'act-as-terminal', group: 'jb-persona-ai', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:act|pretend|serve|function|behave)\s{1,3}as\s{1,3}(?:an?\s{1,3})?(?:python|linux|bash|sql|javascript|unix|windows|ubuntu|terminal|shell|command line|interpreter|console|compiler)\b/ },
  { id: 'no-rules-world', group: 'jb-world', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:hypothetical|fictional|imaginary|alternate|parallel)\s{1,3}(?:world|universe|scenario|reality|setting)\b/, then: /\b(?:no|without|illegal|anything|laws?)\b/ },
  { id: 'broken-free', group: 'jb-free2', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:broken free|break free|typical confines|confines of ai|unshackled|rules set for them)\b/ },
  { id: 'bad-content', group: 'jb-bad', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:illegal|immoral|unethical|offensive|explicit|nsfw|vulgar|profanity|swear words|racist|sexist|derogatory)\s{1,3}(?:or\s{1,3}|and\s{1,3}|[a-z]{1,12},?\s{1,3}){0,3}(?:content|answers?|responses?|things|words|language|stuff|requests?|jokes)\b/ },
  { id: 'not-bound', group: 'jb-free', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:not|never|no longer|isn't|aren't|is not|are not)\s{1,3}(?:[a-z]{1,10}\s{1,3})?(?:bound|restricted|limited|constrained|governed)\s{1,3}by\b/, then: /\b(?:rules|restrictions|polic\w{1,3}|guidelines|ethics|morals|limitations|settings|filters|openai|chatgpt)\b/, window: 60 },
  { id: 'is-allowed', group: 'jb-allowed', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:nsfw|illegal|explicit|unethical|immoral|violent|offensive|harmful|swearing|profanity)\b/, then: /\b(?:is|are)\s{1,3}(?:now\s{1,3})?(?:allowed|permitted|fine|ok|okay|acceptable|encouraged)\b/, window: 40 },
  { id: 'dont-refuse', group: 'jb-refuse', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:don't|do not|never|dont)\s{1,3}refuse\b/ },
  { id: 'doesnt-care', group: 'jb-care', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:doesn't|does not|don't|do not|dont|doesnt|never)\s{1,3}cares?\s{1,3}(?:about\s{1,3})?(?:any\s{1,3})?(?:laws?|morals?|ethics|rules|legality|consequences|guidelines|policies|safety)\b/ },
  { id: 'capable-anything', group: 'jb-anything', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:capable of|able to (?:do|generate|say|write|produce))\s{1,3}(?:anything|any kind of|everything)\b/ },
  { id: 'jb-adjectives', group: 'jb-adj', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:unfiltered|unfiltred|uncensored|amoral|unrestricted|unhinged|deviant|lawless|limitless)\b/ },
  { id: 'jb-adjective-pair', group: 'jb-adj2', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:unfiltered|uncensored|amoral|unethical|unrestricted|immoral|unhinged)\s{0,3}(?:and|,|or)\s{1,3}(?:unfiltered|uncensored|amoral|unethical|unrestricted|immoral|unhinged|uncensored)\b/ },
  { id: 'you-are-now', group: 'jb-persona-now', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:you are|you're)\s{1,3}now\s{1,3}(?:a|an|the|in|my|called|named|going)\b|\b(?:now|okay now|ok now)\s{1,3}you are\b|\b(?:nun|jetzt)\s{1,3}bist\s{1,3}du\b/ },
  { id: 'stay-character', group: 'jb-character', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\bstay\w{0,3}\s{1,3}(?:fully\s{1,3})?in\s{1,3}(?:their|your|his|her|the)\s{1,3}roles?\b|\b(?:do not|don't|never|without)\s{1,3}(?:ever\s{1,3})?(?:break|breaking)\s{1,3}character\b|\bbleiben\s{1,3}(?:\w{1,10}\s{1,3})?in\s{1,3}ihren\s{1,3}rollen\b|\bstay in character\b|\brespond as the character\b|\bcharacter simulator\b/ },
  { id: 'ai-mention', group: 'jb-ai-name', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:chatgpt|chat gpt|openai|gpt-?[34])\b/ },
  { id: 'reprogram', group: 'jb-reprogram', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:reprogram\w{0,3}|modify\w{0,3}|modifying|changing|rewrite|rewriting|updating|override|overriding)\s{1,3}(?:your|its)\s{1,3}(?:programming|code|rules|guidelines|training|alignment|core directives)\b/ },
  { id: 'make-it-up', group: 'jb-makeup', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\bmake (?:something|stuff|it|things|one|an answer) up\b|\bmake up (?:a |an )?(?:response|answer)\b/ },
  { id: 'config-off', group: 'jb-config', code: 'INJECTION_ROLEPLAY', weight: 2, pattern: /\b(?:safety|filters?|censorship|moderation|guardrails|restrictions|content_filter|safe_mode|safemode|ethics)\s{0,3}[=:]\s{0,3}(?:off|false|0|none|disabled)\b|\bpersona\s{0,3}[=:]\s{0,3}(?:unrestricted|unfiltered|uncensored|evil|amoral)\b/ },
  { id: 'grandma', group: 'jb-grandma', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:late|dead|deceased)\s{1,3}grand(?:ma|mother|pa|father)\b/ },
  { id: 'de-no-rules', group: 'jb-free', code: 'INJECTION_ROLEPLAY', weight: 1, pattern: /\b(?:ohne|keine|frei von)\s{1,3}(?:jegliche\w{0,2}\s{1,3}|alle\s{1,3})?(?:einschrankungen|beschrankungen|regeln|filter|zensur|grenzen|richtlinien|moral|ethik)\b|\bsin\s{1,3}(?:ninguna\s{1,3})?(?:restricciones|limitaciones|filtros|reglas|censura|etica)\b|\bsans\s{1,3}(?:aucune\s{1,3})?(?:restrictions?|limites?|filtres?|regles?|censure)\b/ },

  // ---------------- System-prompt and secret extraction ----------------
  { id: 'show-your-prompt', group: 'extract', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 3, pattern: c(String.raw`\b${V_SHOW}${S}(?:me${S}|us${S})?(?:back${S})?(?:all${S}(?:of${S})?)?(?:your|its)${S}(?:${W}${S})?(?:system${S}prompt|system${S}message|prompt|(?:initial|original|hidden|secret|internal|first|starting|opening|full|complete|exact|underlying|pre-?|system)${S}?(?:prompt|instructions|message|directives|configuration))\b`) },
  { id: 'show-your-instructions', group: 'extract', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: c(String.raw`\b${V_SHOW}${S}(?:me${S}|us${S})?(?:all${S}(?:of${S})?)?(?:your|its)${S}(?:instructions|directives|configuration|programming|rules)\b`) },
  { id: 'show-the-system-prompt', group: 'extract', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: c(String.raw`\b(?:reveal|show|print|display|output|repeat|recite|disclose|leak|expose|dump|spell out|write out|paste|copy|echo|reproduce)${S}(?:me${S}|us${S})?(?:the${S}|this${S})(?:system${S}prompt|system${S}message|(?:initial|original|hidden|secret|internal|developer|pre-?)${S}?(?:prompt|instructions|message|directives))\b`) },
  { id: 'text-above-strong', group: 'extract-above', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\b(?:print|output|dump|reveal|echo|reproduce|recite|repeat|copy|show|display|write)\s{1,3}(?:me\s{1,3})?(?:back\s{1,3})?(?:all\s{1,3}(?:of\s{1,3})?)?(?:the\s{1,3})?(?:everything|instructions|conversation|prompt|system prompt|hidden (?:text|parts)|words|text)\s{1,3}(?:[a-z]{1,12}\s{1,3})?(?:above|so far|prior to this|preceding|previously|before this (?:message|line|sentence)|from the (?:beginning|start))\b(?!\s{1,3}(?:but|in|into|as|using|with|for|so|and make|more|simpler|shorter))/ },
  { id: 'text-above', group: 'extract-above', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 1, pattern: /\b(?:repeat|print|output|copy|write|show|display|echo|return|reproduce|recite|dump|list|give)\s{1,3}(?:me\s{1,3})?(?:back\s{1,3})?(?:all\s{1,3}(?:of\s{1,3})?)?(?:the\s{1,3})?(?:text|words|content|everything|instructions|messages?|conversation|lines?|prompt)\s{1,3}(?:[a-z]{1,12}\s{1,3})?(?:above|so far|prior to this|preceding|previously|up to (?:here|now|this point)|from the (?:beginning|start)|before this (?:message|line|sentence))\b/ },
  { id: 'what-were-you-told', group: 'extract-told', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\b(?:what|which|everything)\s{1,3}(?:were|are|was|have|has)?\s{0,3}(?:you|you've)\s{1,3}(?:been\s{1,3})?(?:told|instructed|programmed|initialized|prompted)\b(?!\s{1,3}(?:about|regarding|concerning|on|at|when|by\s{1,3}(?:your|the|my)\s{1,3}(?:doctor|nurse|pharmacist|dermatologist|physician|gp|surgeon|specialist)))/ },
  { id: 'what-instructions-given', group: 'extract-told', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\b(?:what|which)\s{1,3}(?:instructions|rules|directives|guidelines|prompts?|system prompt)\s{1,3}(?:were|have|did|are)\s{1,3}you\s{1,3}(?:been\s{1,3})?(?:given|told|receive|received|get|provided|following|programmed)/ },
  { id: 'verbatim', group: 'extract-verbatim', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 1, pattern: /\b(?:verbatim|word for word|quote them exactly|exactly as (?:written|given)|wortlich|wort fur wort|mot pour mot|palabra por palabra)\b/ },
  { id: 'what-is-your-prompt', group: 'extract', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\bwhat(?:'s|\s{1,3}is|\s{1,3}are|\s{1,3}was|\s{1,3}were)\s{1,3}your\s{1,3}(?:[a-z]{1,12}\s{1,3})?(?:system prompt|prompt|instructions|directives|initial instructions)\b/ },
  { id: 'beginning-of-conversation', group: 'extract-begin', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 1, pattern: /\b(?:beginning|start|top)\s{1,3}of\s{1,3}(?:this|the|our|your)\s{1,3}(?:conversation|prompt|chat|context|session|instructions)\b/ },
  { id: 'password', group: 'extract-secret', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\b(?:tell|give|reveal|show|spell|say|write|print|share|disclose|leak|type|provide|verrate|verrat|sag|sage|nenne|nenn|gib|zeig|zeige|schreib|dime|dame|revela|dis|donne|revele)\s{1,3}(?:me\s{1,3}|us\s{1,3}|mir\s{1,3}|moi\s{1,3})?(?:the|your|das|dein|deine|den|el|la|tu|le|ton|ta|votre|it'?s)?\s{0,3}(?:secret\s{1,3}|geheime\w?\s{1,3})?(?:password|passwort|kennwort|passphrase|contrasena|mot de passe|code word|secret word|secret key|secret code)\b(?!\s{1,3}(?:policy|policies|requirements?|reset|manager|rules|strength|for\s{1,3}(?:my|the|our)\s{1,3}(?:patient\s{1,3})?(?:portal|account|wifi|app)))/ },
  { id: 'password-what', group: 'extract-secret', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 1, pattern: /\b(?:what\s{1,3}is|what's|was ist|wie lautet|cual es|quel est)\s{1,3}(?:the|your|das|dein|el|tu|le|ton)\s{1,3}(?:secret\s{1,3})?(?:password|passwort|kennwort|passphrase|contrasena|mot de passe|secret word|secret key)\b/ },
  { id: 'password-trick', group: 'extract-secret', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\b(?:password|passwort|secret word)\b/, then: /\b(?:backwards|reversed|in reverse|letter by letter|spelled|each letter|characters|encoded|base64|rot13|acrostic|riddle|hint|rhymes?)\b/, window: 40 },
  { id: 'de-show-prompt', group: 'extract', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\b(?:zeig|zeige|nenne|nenn|gib|verrate|verrat|wiederhole|wiederhol|druck|drucke|schreib|schreibe|sag|sage|teile|liste)\s{1,3}(?:mir\s{1,3}|uns\s{1,3})?(?:bitte\s{1,3})?(?:(?:deine[nmrs]?|ihre[nmrs]?)\s{1,3}(?:[a-z]{1,15}\s{1,3})?(?:system-?prompt|systemnachricht|anweisungen|instruktionen|vorgaben|prompt)|(?:die|den|das)\s{1,3}(?:ursprunglichen|anfanglichen|versteckten|geheimen|internen|ersten|obigen|vorherigen)\s{1,3}(?:anweisungen|instruktionen|prompt)|(?:den|das)\s{1,3}system-?prompt)\b/ },
  { id: 'de-what-above', group: 'extract-above', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 1, pattern: /\bwas\s{1,3}(?:steht|stand|wurde)\s{1,3}(?:[a-z]{1,10}\s{1,3})?(?:oben|am anfang|davor|in deinen anweisungen|in deinem prompt)\b/ },
  { id: 'es-fr-show-prompt', group: 'extract', code: 'INJECTION_SYSTEM_PROMPT_EXTRACTION', weight: 2, pattern: /\b(?:muestra|muestrame|revela|revelame|dime|repite|imprime|escribe|montre|montre-moi|revele|repete|affiche|ecris|donne-moi|dis-moi)\s{1,3}(?:tus|tu|vos|tes|ton|votre|el|le|les|las)\s{1,3}(?:instrucciones|prompt|indicaciones|mensaje del sistema|instructions|consignes|message systeme|prompt systeme|instrucciones del sistema)\b/ },

  // ---------------- Delimiter and chat-template tricks (normalised view: literal punctuation) ----------------
  { id: 'chat-tokens', group: 'delim-token', code: 'INJECTION_DELIMITER', view: 'norm', weight: 3, pattern: /<\|(?:im_start|im_end|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|fim_prefix|pad|eos|bos)\|>|<<\/?sys>>/ },
  { id: 'inst-tags', group: 'delim-token', code: 'INJECTION_DELIMITER', view: 'norm', weight: 2, pattern: /\[\/?inst\]|\[\[\s{0,2}(?:system|admin|developer|sys)\s{0,2}\]\]|<\/?s>\s{0,3}\[inst|<\/?(?:system|system_prompt|instructions?|admin|developer|user_input|sys|im_start)>/ },
  { id: 'fence-new-instructions', group: 'delim-fence', code: 'INJECTION_DELIMITER', view: 'norm', weight: 3, pattern: /(?<![-=*#_~])[-=*#_~]{3,20}\s{0,5}(?:end\s{1,3}of\s{1,3}\w{1,12}\s{0,5})?(?:new|updated|system|admin|important|real|actual|override|developer)\s{1,3}(?:instructions?|prompt|message|task|rules)\b/ },
  { id: 'role-header-command', group: 'delim-role', code: 'INJECTION_DELIMITER', view: 'norm', weight: 2, pattern: /(?:^|\n)\s{0,3}(?:#{1,4}\s{0,3})?\[?(?:system|assistant|ai|admin|developer|root|sys)\]?\s{0,3}(?:prompt|message|override|note|instruction)?\s{0,3}:\s{0,3}(?:you are now|ignore|new instructions|from now|forget|disregard|override|reveal|the assistant (?:must|will|should)|the ai (?:must|will|should))/ },
  { id: 'role-header', group: 'delim-role', code: 'INJECTION_DELIMITER', view: 'norm', weight: 1, pattern: /(?:^|\n)\s{0,3}(?:#{2,4}\s{0,3})(?:system|instructions?|new instructions?|response|assistant)\b|\n\s{0,3}(?:human|assistant)\s{0,3}:/ },
  { id: 'angle-pipe', group: 'delim-token', code: 'INJECTION_DELIMITER', view: 'norm', weight: 1, pattern: /<\|\s{0,3}[a-z*]|\|>/ },
  { id: 'end-of-prompt', group: 'delim-end', code: 'INJECTION_DELIMITER', view: 'norm', weight: 1, pattern: /\b(?:end|close)\s{1,3}(?:of\s{1,3})?(?:the\s{1,3})?(?:system\s{1,3}|user\s{1,3}|original\s{1,3})?(?:prompt|instructions)\b|\[(?:system|admin|developer)\s{0,2}(?:message|note|notice|override|instruction)s?\]/ },
];

/** Strong override phrases looked for in the letters-only view ("i g n o r e", "ig-no-re"). */
const SQUASH_PHRASES = /(?:ignore|disregard|forget|override|bypass)(?:all|any|the|your|of|my|these|those|every){0,3}(?:previous|prior|above|preceding|earlier|former|initial|original|system)(?:instructions?|prompts?|rules|directives|guidelines|programming)|(?:ignoriere|vergiss)(?:alle|die|deine|ihre){0,2}(?:vorherigen|bisherigen|obigen)(?:anweisungen|instruktionen|befehle)|doanythingnow|developermodeenabled|jailbreakmode|revealyoursystemprompt|showmeyoursystemprompt|printyoursystemprompt|ihavebeenpwned/;
// Spacing-out: five or more single letters in a row separated by spaces or punctuation.
const SPACED_LETTERS = /(?:\b[a-z][\s.*_\-/|~^+]{1,3}){5,}/;

const OPEN_QUOTE = /["“„«'‘]\s{0,2}$/;
const MENTION_BEFORE = /\b(?:says|said|saying|say|contains?|containing|phrases?|words?|text|means?|meaning|called|such as|like|lines?|footer|header|message|wrote|writes|written|reads|term|prompts? like)\b[^.\n]{0,20}$/;

/** True when the match at `index` directly follows an opening quote that follows a mention verb. */
function isQuotedMention(subject: string, index: number): boolean {
  const before = subject.slice(Math.max(0, index - 40), index);
  if (!OPEN_QUOTE.test(before)) return false;
  return MENTION_BEFORE.test(before.replace(OPEN_QUOTE, ''));
}

const SEVERITY_BY_WEIGHT: readonly Severity[] = ['low', 'low', 'medium', 'high'];

export interface InjectionFindings {
  readonly violations: Violation[];
  /** Sum of the matched cue weights (a feature for the learned scorer's combination). */
  readonly weight: number;
}

export function createInjectionRule(cues: readonly InjectionCue[] = INJECTION_CUES): (raw: string, views: PromptViews) => InjectionFindings {
  const compiled = cues.map((cue) => ({
    ...cue,
    group: cue.group ?? cue.id,
    view: cue.view ?? 'fold',
    matcher: createGatedMatcher(cue.pattern, cue.then ? windowAccept(cue.then, cue.window ?? 80) : undefined),
  }));

  // Inverted gate: index key -> word-anchored cues that need it, per view. Per prompt, only cues
  // whose key occurs at a word start are tried (a short prompt has a dozen keys, not ~100 cues).
  const VIEWS = ['fold', 'norm', 'raw'] as const;
  const keyToCues = new Map<string, Map<string, number[]>>(VIEWS.map((v) => [v, new Map()]));
  compiled.forEach((cue, i) => {
    if (!cue.matcher.wordAnchored) return;
    const byKey = keyToCues.get(cue.view)!;
    for (const k of cue.matcher.keys) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const hasView = (v: string): boolean => compiled.some((c) => c.matcher.wordAnchored && c.view === v);
  const anchoredViews = VIEWS.filter(hasView);

  return function checkInjection(raw: string, views: PromptViews): InjectionFindings {
    const byGroup = new Map<string, { code: InjectionCode; weight: number; start: number; end: number }>();
    // One word index per view, shared by every word-anchored cue; `candidate` marks the cues whose
    // literal keys occur in the prompt.
    const indexes: Partial<Record<'raw' | 'norm' | 'fold', WordIndex>> = {};
    const candidate = new Uint8Array(compiled.length);
    for (const v of anchoredViews) {
      const subject = v === 'raw' ? raw : v === 'norm' ? views.norm : views.fold;
      const index = buildWordIndex(subject);
      indexes[v] = index;
      const byKey = keyToCues.get(v)!;
      for (const k of index.keys()) {
        const list = byKey.get(k);
        if (list) for (const i of list) candidate[i] = 1;
      }
    }
    for (let ci = 0; ci < compiled.length; ci++) {
      const cue = compiled[ci]!;
      if (cue.matcher.wordAnchored && candidate[ci] === 0) continue;
      const prev = byGroup.get(cue.group);
      if (prev && prev.weight >= cue.weight) continue;
      const subject = cue.view === 'raw' ? raw : cue.view === 'norm' ? views.norm : views.fold;
      const m = cue.matcher.wordAnchored ? cue.matcher.match(subject, indexes[cue.view]) : cue.matcher.match(subject);
      if (m === null) continue;
      let start = m.index;
      let end = m.index + m[0].length;
      if (cue.view !== 'raw') {
        start = views.toInput(start);
        end = views.toInputEnd(end);
      }
      // A phrase quoted as a mention ('the footer says "ignore all previous instructions"',
      // 'what does "jailbreak" mean') counts as a weak signal only.
      const damped =
        isQuotedMention(subject, m.index) ||
        (cue.dampBefore !== undefined && cue.dampBefore.test(subject.slice(Math.max(0, m.index - 40), m.index)));
      const weight = cue.weight > 1 && damped ? 1 : cue.weight;
      if (prev && prev.weight >= weight) continue;
      byGroup.set(cue.group, { code: cue.code, weight, start, end });
    }

    // Obfuscated override: only when the letters-only view finds what the folded view missed
    // and the text shows signs of disguise (spacing-out, invisible characters, look-alikes, l33t).
    const anyOverride = [...byGroup.values()].some((f) => f.code === 'INJECTION_OVERRIDE' && f.weight >= 2);
    if (!anyOverride && (views.disguised || SPACED_LETTERS.test(views.fold)) && SQUASH_PHRASES.test(views.squash)) {
      byGroup.set('obfuscated', { code: 'INJECTION_OBFUSCATED', weight: 3, start: 0, end: raw.length });
    }

    const byCode = new Map<InjectionCode, { weight: number; start: number; end: number; top: number }>();
    let total = 0;
    for (const f of byGroup.values()) {
      total += f.weight;
      const cur = byCode.get(f.code);
      if (!cur) byCode.set(f.code, { weight: f.weight, start: f.start, end: f.end, top: f.weight });
      else {
        cur.weight += f.weight;
        if (f.weight > cur.top) {
          cur.top = f.weight;
          cur.start = f.start;
          cur.end = f.end;
        }
      }
    }
    const violations: Violation[] = [];
    let strongest: Violation | undefined;
    let strongestWeight = 0;
    for (const [code, f] of byCode) {
      const severity = SEVERITY_BY_WEIGHT[Math.min(3, f.weight)] ?? 'low';
      const v: Violation = { code: code as ViolationCode, rule: 'injection', severity, start: f.start, end: f.end };
      violations.push(v);
      if (f.weight > strongestWeight) {
        strongest = v;
        strongestWeight = f.weight;
      }
    }
    // Stacked weak signals across codes: raise the strongest to medium (and to high at 5).
    if (strongest) {
      if (total >= 5 && strongest.severity !== 'high') strongest.severity = 'high';
      else if (total >= 3 && strongest.severity === 'low') strongest.severity = 'medium';
    }
    return { violations, weight: total };
  };
}
