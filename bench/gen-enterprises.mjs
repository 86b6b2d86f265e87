// Writes N enterprise rows for the import benchmark, deterministically (a fixed-seed generator), in two forms:
//   OUT.csv        the import template's Chinese header and labels (制造业, 私有经济, 小型 …), as people fill it in
//   OUT.codes.csv  the same rows with codes and organisation ids, for the raw sqlite3 comparison
// Usage: node bench/gen-enterprises.mjs N ORGANISATIONS.tsv OUT   (ORGANISATIONS.tsv: id<TAB>code per line)

import { readFileSync, createWriteStream } from 'node:fs';

const [count, organisationsFile, out] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
const organisations = readFileSync(organisationsFile, 'utf8').trim().split('\n').map((line) => line.split('\t'));

let seed = 20261129;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const creditCode = (body) =>
  body + ALPHABET[(31 - ([...body].reduce((sum, c, i) => sum + ALPHABET.indexOf(c) * WEIGHTS[i], 0) % 31)) % 31];

const SECTIONS = [
  ['C', '制造业', ['13', '18', '26', '33', '34', '38', '39']],
  ['E', '建筑业', ['47', '48', '50']],
  ['F', '批发和零售业', ['51', '52']],
  ['G', '交通运输、仓储和邮政业', ['54', '58', '59']],
  ['H', '住宿和餐饮业', ['61', '62']],
  ['I', '信息传输、软件和信息技术服务业', ['64', '65']],
  ['L', '租赁和商务服务业', ['71', '72']],
];
const ECONOMIC = [['21', '私有经济'], ['21', '私有经济'], ['21', '私有经济'], ['11', '国有经济'], ['12', '集体经济'], ['22', '港澳台经济'], ['23', '外商经济']];
const SIZES = [['MICRO', '微型'], ['SMALL', '小型'], ['SMALL', '小型'], ['MEDIUM', '中型'], ['LARGE', '大型']];
const REGISTRATION = [['173', '私营有限责任公司'], ['171', '私营独资企业'], ['159', '其他有限责任公司'], ['160', '股份有限公司'], ['110', '国有企业']];
const WORDS = ['精密', '华安', '金陵', '恒信', '宏达', '新材', '汇通', '安泰', '瑞丰', '明德', '长江', '紫金'];
const TRADES = ['机械', '电子', '建设', '物流', '商贸', '餐饮', '软件', '化工', '纺织', '印刷'];
const STREETS = ['中山路', '北京东路', '龙蟠路', '珠江路', '汉中路', '江东北路'];

const labelled = createWriteStream(`${out}.csv`);
const coded = createWriteStream(`${out}.codes.csv`);
labelled.write('统一社会信用代码,企业名称,所属工会组织,行业门类,行业大类,经济成分,登记注册类型,规模,职工人数,地址,行政区划代码\n');
coded.write('credit_code,name,organisation_id,industry_section,industry_division,economic_component,registration_type,size_class,headcount,address,admin_division_code\n');
for (let serial = 0; serial < count; serial += 1) {
  const [organisationId, organisationCode] = pick(organisations);
  const division = organisationCode.slice(0, 6).padEnd(6, '0');
  const code = creditCode(`91${division}BN${String(serial).padStart(7, '0')}`);
  const name = `${pick(WORDS)}${pick(TRADES)}${serial}有限公司`;
  const [section, sectionLabel, divisions] = pick(SECTIONS);
  const industryDivision = pick(divisions);
  const [economic, economicLabel] = pick(ECONOMIC);
  const [registration, registrationLabel] = pick(REGISTRATION);
  const [size, sizeLabel] = pick(SIZES);
  const headcount = 5 + Math.floor(random() * 2000);
  const address = `江苏省${pick(STREETS)}${1 + Math.floor(random() * 300)}号`;
  labelled.write(`${code},${name},${organisationCode},${sectionLabel},${industryDivision},${economicLabel},${registrationLabel},${sizeLabel},${headcount},${address},${division}\n`);
  coded.write(`${code},${name},${organisationId},${section},${industryDivision},${economic},${registration},${size},${headcount},${address},${division}\n`);
}
labelled.end();
coded.end();
