/**
 * The runtime's findText/replaceText against RE2, the syntax Google's Body/Table/Text take
 * (https://developers.google.com/apps-script/reference/document/body#replaceText(String,String):
 * "uses Google's RE2 regular expression library"; https://github.com/google/re2/blob/main/doc/syntax.txt).
 * The invitations are filled with replaceText and a draft is numbered with a pattern holding `\s`: the runtime
 * accepted what RE2 refuses (lookarounds, backreferences) and matched a no-break space with `\s`
 * (JavaScript's Unicode whitespace; RE2's `\s` is `[\t\n\f\r ]`), so a test could pass where Google
 * leaves the text as it was.
 */
import { Runtime } from '../../local/runtime';
import { buildSample } from '../../local/samples';
import { LANG_SON } from '../../samples/lang-son';

function body() {
  const runtime = new Runtime({ spreadsheet: buildSample(LANG_SON), now: '2024-01-05T09:00:00+07:00' });
  const doc = runtime.services.DocumentApp.create('Thử');
  return doc.getBody();
}

describe('RE2 in Body.findText / replaceText', () => {
  it('\\s matches no no-break space (U+00A0), as in RE2', () => {
    const b = body();
    b.appendParagraph('Số:\u00a0\u00a0/GM-BCĐ');
    b.appendParagraph('Số:   /TB-BCĐ');
    expect(b.findText('Số:\\s*/GM')).toBeNull();
    b.replaceText('Số:\\s*/', 'Số: 05/');
    expect(b.getText()).toContain('Số:\u00a0\u00a0/GM-BCĐ');
    expect(b.getText()).toContain('Số: 05/TB-BCĐ');
  });

  it('\\s inside a class and \\S outside keep RE2 meaning', () => {
    const b = body();
    b.appendParagraph('a\u00a0b c');
    b.replaceText('[\\s]', '_');
    expect(b.getText().split('\n').pop()).toBe('a\u00a0b_c');
    b.appendParagraph('a\u00a0b c');
    b.replaceText('\\S+', 'x');
    expect(b.getText().split('\n').pop()).toBe('x x');
  });

  it.each(['(?=Số)', '(?!Số)', '(?<=Số)', '(?<!Số)', '(a)\\1'])('refuses %s, which RE2 does not support', (p) => {
    const b = body();
    b.appendParagraph('Số: 01');
    expect(() => b.replaceText(p, 'x')).toThrow(/RE2/);
    expect(() => b.findText(p)).toThrow(/RE2/);
  });

  it('escaped metacharacters and Vietnamese text match literally', () => {
    const b = body();
    b.appendParagraph('Hoàng $1 Văn (.*) ⟦người-nhận⟧');
    b.replaceText('\\(\\.\\*\\) ⟦người-nhận⟧', 'A');
    expect(b.getText().split('\n').pop()).toBe('Hoàng $1 Văn A');
  });
});
