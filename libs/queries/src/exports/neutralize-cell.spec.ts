import { neutralizeCell } from './neutralize-cell';

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+cmd|\' /C calc\'!A0', `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(1)', `'@SUM(1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('quotes a cell that starts a formula: %j', (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
  });

  it.each([
    [''],
    ['Bank login'],
    ['2026-06-01T10:00:00.000Z'],
    ['a=b'],
    ['Ann renamed organization \'=X\''],
    [' =1+1'],
    ['\n=1'],
    ["'=already quoted"],
    ['198.51.100.7'],
    ['::1'],
  ])('leaves other cells alone: %j', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it('quotes only once, at the start', () => {
    expect(neutralizeCell('==1')).toBe("'==1");
    expect(neutralizeCell(neutralizeCell('=1'))).toBe("'=1");
  });
});
