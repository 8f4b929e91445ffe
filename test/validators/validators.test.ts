import { describe, expect, it } from 'vitest';
import {
  abaValid,
  deaValid,
  ibanValid,
  luhnValid,
  mbiValid,
  npiValid,
  ssnValid,
  vinCheckDigitValid,
  vinShape,
} from '../../src/validators/index.js';

describe('luhnValid', () => {
  it.each([
    ['4111111111111111', true],
    ['4111 1111 1111 1111', true],
    ['4111-1111-1111-1111', true],
    ['378282246310005', true],
    ['5555555555554444', true],
    ['4111111111111112', false],
    ['1234567812345678', false],
    ['0', false],
    ['', false],
  ])('%s -> %s', (v, ok) => expect(luhnValid(v)).toBe(ok));
});

describe('npiValid', () => {
  it.each([
    ['1234567893', true],
    ['1245319599', true],
    ['1234567890', false],
    ['3234567893', false], // must start with 1 or 2
    ['123456789', false],
    ['12345678931', false],
    ['12345a7893', false],
  ])('%s -> %s', (v, ok) => expect(npiValid(v)).toBe(ok));
});

describe('deaValid', () => {
  it.each([
    ['AB1234563', true],
    ['ab1234563', true],
    ['F91234563', true], // business registrant with 9
    ['AB1234564', false],
    ['ZB1234563', false], // Z is not a registrant type
    ['AB123456', false],
    ['A11234563', false],
  ])('%s -> %s', (v, ok) => expect(deaValid(v)).toBe(ok));
});

describe('VIN', () => {
  it.each([
    ['1HGCM82633A004352', true],
    ['1M8GDM9AXKP042788', true],
    ['1HGCM82634A004352', false],
  ])('check digit %s -> %s', (v, ok) => expect(vinCheckDigitValid(v)).toBe(ok));
  it('rejects I, O, Q and wrong lengths', () => {
    expect(vinShape('1HGCM82633A00435I')).toBe(false);
    expect(vinShape('1HGCM82633A00435')).toBe(false);
    expect(vinShape('WVWZZZ1JZXW000001')).toBe(true);
  });
});

describe('ibanValid', () => {
  it.each([
    ['GB82WEST12345698765432', true],
    ['GB82 WEST 1234 5698 7654 32', true],
    ['de89370400440532013000', true],
    ['FR1420041010050500013M02606', true],
    ['GB82WEST12345698765433', false],
    ['GB82WEST1234569876543', false], // wrong length for GB
    ['XX00', false],
  ])('%s -> %s', (v, ok) => expect(ibanValid(v)).toBe(ok));
});

describe('abaValid', () => {
  it.each([
    ['011000015', true],
    ['021000021', true],
    ['011000016', false],
    ['991000015', false], // prefix outside Federal Reserve ranges
    ['01100001', false],
  ])('%s -> %s', (v, ok) => expect(abaValid(v)).toBe(ok));
});

describe('ssnValid', () => {
  it.each([
    ['123-45-6789', true],
    ['123 45 6789', true],
    ['123.45.6789', true],
    ['123456789', true],
    ['000-12-3456', false],
    ['666-12-3456', false],
    ['900-12-3456', false],
    ['999-12-3456', false],
    ['123-00-4567', false],
    ['123-45-0000', false],
    ['12-345-6789', false],
    ['123-45-678', false],
  ])('%s -> %s', (v, ok) => expect(ssnValid(v)).toBe(ok));
});

describe('mbiValid', () => {
  it.each([
    ['1EG4-TE5-MK73', true],
    ['1EG4TE5MK73', true],
    ['9AA0A00AA00', true],
    ['0EG4-TE5-MK73', false], // first digit 1-9
    ['1SG4-TE5-MK73', false], // S is excluded
    ['1EG4-TE5-MK7', false],
    ['1EG-4TE5-MK73', false], // dash in the wrong place
  ])('%s -> %s', (v, ok) => expect(mbiValid(v)).toBe(ok));
});
