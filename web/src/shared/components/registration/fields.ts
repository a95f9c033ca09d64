/** Labels of every wizard field (the summary, the review page) and the choices the server accepts. */
import type { ApplicationKind } from '@/shared/registration';

export const FIELD_LABELS: Record<string, string> = {
  region: '行政区划',
  trade_name: '字号',
  industry: '行业表述',
  org_form: '组织形式',
  alt_names: '备选名称',
  operator_name: '经营者姓名',
  operator_id_number: '经营者身份证号',
  operator_phone: '经营者手机号',
  legal_person: '法定代表人姓名',
  legal_person_id_number: '法定代表人身份证号',
  legal_person_phone: '法定代表人手机号',
  id_card_front: '身份证人像面',
  id_card_back: '身份证国徽面',
  address: '经营场所地址',
  scope: '经营范围',
  funding: '资金数额（万元）',
  employees: '从业人数',
  registered_capital: '注册资本（万元）',
  shareholders: '股东',
  supervisor_name: '监事姓名',
  supervisor_id_number: '监事身份证号',
  premises_proof: '经营场所证明',
  other_material: '其他材料',
  articles: '公司章程',
  // 已注册企业信息补充 (profile fields)
  licence_document: '营业执照',
  name: '企业名称',
  credit_code: '统一社会信用代码',
  company_type: '类型',
  established_on: '成立日期',
  id_card_front_document: '身份证人像面',
  id_card_back_document: '身份证国徽面',
  legal_person_id_valid: '身份证有效期限',
  bank_permit_document: '开户许可证',
  bank_name: '开户银行',
  bank_account: '银行账号',
  name_en: '英文名称',
  address_en: '英文地址',
  contact_name: '联系人姓名',
  contact_phone: '联系人电话',
  ccb_sub_account: '建设银行外汇子账号',
  merchant_type: '企业类型',
};

export const DOCUMENT_FIELDS = new Set(['id_card_front', 'id_card_back', 'premises_proof', 'other_material', 'articles']);

export const ORG_FORMS: Record<Exclude<ApplicationKind, 'existing'>, string[]> = {
  new_individual: ['店', '行', '坊', '馆', '中心', '工作室', '经营部'],
  new_company: ['有限公司', '有限责任公司'],
};

export const ID_RULE = { pattern: /^\d{17}[\dXx]$/, message: '身份证号应为 18 位，最后一位可为 X' };
export const PHONE_RULE = { pattern: /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, message: '请填写正确的手机号或座机号' };

/** 行政区划 + 字号 + 行业 + 组织形式. */
export function composedName(values: Record<string, unknown> | undefined): string {
  if (!values) return '';
  return ['region', 'trade_name', 'industry', 'org_form'].map((k) => String(values[k] ?? '')).join('');
}
