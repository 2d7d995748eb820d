import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readExport } from './encoding.ts';

const CSV = 'First Name,Last Name,E-mail Address\r\nRenée,Dubois,renee@dubois.example\r\nJürgen,Weiß,juergen@weiss.example\r\n';
const bytes = (text: string, encoding: string, addBOM = false) => new Uint8Array(iconv.encode(text, encoding, { addBOM }));

describe('readExport', () => {
  it.each([
    ['UTF-8', bytes(CSV, 'utf-8'), 'utf-8'],
    ['UTF-8 with a BOM', bytes(CSV, 'utf-8', true), 'utf-8'],
    ['UTF-16LE with a BOM', bytes(CSV, 'utf-16le', true), 'utf-16le'],
    ['UTF-16LE without one', bytes(CSV, 'utf-16le'), 'utf-16le'],
    ['UTF-16BE with a BOM', bytes(CSV, 'utf-16be', true), 'utf-16be'],
    ['UTF-16BE without one', bytes(CSV, 'utf-16be'), 'utf-16be'],
    ['Windows-1252', bytes(CSV, 'windows-1252'), 'windows-1252'],
  ])('reads %s', (_, input, encoding) => {
    expect(readExport(input)).toEqual({ text: CSV, encoding });
  });

  it("reads Mac OS Roman, which Excel for Mac saved its CSV in and no detector knows, and keeps Windows' own", () => {
    const mac = 'Name,Email,City\rRenée Dubois,renee@dubois.example,Besançon\rJürgen Groß,juergen@gross.example,München\r';
    expect(readExport(bytes(mac, 'macintosh'))).toEqual({ text: mac, encoding: 'macintosh' });
    // German without a letter Windows-1252 lacks: told by where the accented letters fall.
    const german = 'Name,Email\r\nJürgen Müller,jm@example.de\r\nBjörn Käse,bk@example.de\r\n';
    expect(readExport(bytes(german, 'macintosh'))).toEqual({ text: german, encoding: 'macintosh' });
    // Windows' apostrophes and dashes inside and between words, Czech and French letters: still Windows-1252.
    for (const text of [
      'Name,Notes\r\nSeán O’Neill,Don’t call before 10 – she’s on early shifts; it’s “urgent”…\r\n',
      'Name,Notes\r\nŠárka Kašparová,Cœur de Lyon; sœur à Besançon\r\nŽaneta Nováková,\r\n',
    ])
      expect(readExport(bytes(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('reads Shift_JIS, which the detector recognises', () => {
    const text = '姓,名,電子メール アドレス\r\n山田,太郎,taro@yamada.example\r\n鈴木,花子,hanako@suzuki.example\r\n';
    expect(readExport(bytes(text, 'shift_jis'))).toEqual({ text, encoding: 'shift_jis' });
  });

  it("reads a file nothing in it names in the fallback given (the business's code page), and in the encoding the owner names", () => {
    const polish = 'Imię,Nazwisko,Adres e-mail\r\nŁukasz,Wiśniewski,lw@example.pl\r\nMałgorzata,Żółkiewska,mz@example.pl\r\n';
    const file = bytes(polish, 'windows-1250');
    expect(readExport(file, { fallback: 'windows-1250' })).toEqual({ text: polish, encoding: 'windows-1250' });
    expect(readExport(file, { encoding: 'Windows-1250' })).toEqual({ text: polish, encoding: 'windows-1250' });
    expect(readExport(file).text).toContain('£ukasz,Wiœniewski');
    // Unicode says what it is, whatever the fallback.
    expect(readExport(bytes(CSV, 'utf-16le'), { fallback: 'windows-1250' })).toEqual({ text: CSV, encoding: 'utf-16le' });
    expect(readExport(bytes(CSV, 'utf-8'), { fallback: 'windows-1250' })).toEqual({ text: CSV, encoding: 'utf-8' });
  });

  it('reads a short Cyrillic file in Windows-1251, which the detector is unsure of, by its words written wholly in their own script', () => {
    const text = 'Имя,Фамилия,Адрес эл. почты\r\nОльга,Кузнецова,ok@example.ru\r\nДмитрий,Соколов,ds@example.ru\r\n';
    expect(readExport(bytes(text, 'windows-1251'))).toEqual({ text, encoding: 'windows-1251' });
    // Greek too; Western text, accents and all, never: its accented letters sit among ASCII ones.
    const greek = 'Όνομα,Επώνυμο,Email\r\nΕλένη,Παπαδοπούλου,ep@example.gr\r\nΝίκος,Γεωργίου,ng@example.gr\r\n';
    expect(readExport(bytes(greek, 'windows-1253')).text).toBe(greek);
  });

  it("decodes a vCard line in the charset it names, and the rest in the file's", () => {
    const head = bytes('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-2:', 'ascii');
    const name = bytes('Małgorzata Wójcik', 'iso-8859-2');
    const tail = bytes('\r\nNOTE:Café\r\nEND:VCARD\r\n', 'windows-1252');
    const read = readExport(new Uint8Array([...head, ...name, ...tail]));
    expect(read.text).toBe('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-2:Małgorzata Wójcik\r\nNOTE:Café\r\nEND:VCARD\r\n');
  });
});

// Issue 16: a writer that folds vCard lines by octets may split a UTF-8 letter across the fold.
describe('readExport of a vCard folded inside a letter', () => {
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

  it('moves the rest of the letter before the fold: valid UTF-8, the same lines, the same text once unfolded', () => {
    const card = 'BEGIN:VCARD\r\nNOTE:th\xc3\r\n \xa9 caf\xc3\xa9\r\nEND:VCARD\r\n';
    const read = readExport(new Uint8Array(Buffer.from(card, 'latin1')));
    expect(read).toEqual({ encoding: 'utf-8', text: 'BEGIN:VCARD\r\nNOTE:thé\r\n  café\r\nEND:VCARD\r\n' });
    expect(unfold(read.text)).toBe('BEGIN:VCARD\r\nNOTE:thé café\r\nEND:VCARD\r\n');
  });

  it('changes nothing once unfolded in a Windows-1252 card whose fold is followed by a curly quote', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:Ren\xe9e said it\r\n \x92s fine\r\nEND:VCARD\r\n';
    const read = readExport(new Uint8Array(Buffer.from(card, 'latin1')));
    expect(read.encoding).toBe('windows-1252');
    expect(unfold(read.text)).toBe('BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:Renée said it’s fine\r\nEND:VCARD\r\n');
  });
});
