// Enterprise import files for the e2e tests: valid credit codes (GB 32100 check character) and rows with the
// template's Chinese header.

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid unified social credit code for `serial` under a prefix (9 characters) no other test uses. */
export function importCreditCode(prefix, serial) {
  const body = `${prefix}${String(serial).padStart(8, '0')}`;
  const sum = [...body].reduce((total, char, index) => total + CREDIT_ALPHABET.indexOf(char) * CREDIT_WEIGHTS[index], 0);
  return body + CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

export const IMPORT_HEADER = '统一社会信用代码,企业名称,所属工会组织,行业门类,行业大类,经济成分,规模,职工人数,地址\r\n';

/** One CSV row (with CRLF) of an enterprise under `organisation` (a code or a name). */
export function importRow(code, name, organisation, { headcount = 30 } = {}) {
  return `${code},${name},${organisation},制造业,34,私有经济,小型,${headcount},"南京市, ${name}"\r\n`;
}

/** A whole file of `count` rows under the prefix. */
export function importFile(prefix, count, organisation, namePrefix = '导入企业') {
  let text = IMPORT_HEADER;
  for (let serial = 1; serial <= count; serial += 1) {
    text += importRow(importCreditCode(prefix, serial), `${namePrefix}${serial}`, organisation);
  }
  return text;
}
