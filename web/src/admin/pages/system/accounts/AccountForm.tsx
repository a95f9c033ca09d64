/** 新建 / 编辑后台账户: info, contact, department, roles, and (new accounts) the initial password. */
import { ModalForm, ProFormSelect, ProFormSwitch, ProFormText, type ProFormInstance } from '@ant-design/pro-components';
import { App } from 'antd';
import { useRef } from 'react';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import type { Account } from './rbac';

interface Values {
  username: string;
  name: string;
  password?: string;
  confirm?: string;
  role_ids: number[];
  department?: string;
  contact_phone?: string;
  email?: string;
  must_change_password?: boolean;
}

export function AccountForm({
  account,
  open,
  onOpenChange,
  onSaved,
}: {
  account: Account | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: () => void;
}) {
  const { api } = useMe();
  const { message } = App.useApp();
  const formRef = useRef<ProFormInstance<Values>>(undefined);
  const editing = account !== null;

  const loadRoles = async () => {
    const data = await unwrap(api.client.GET('/api/v1/admin/rbac/roles', { params: { query: { page: 1, page_size: 100 } } }));
    return data.items.map((role) => ({ label: role.builtin ? `${role.name}（内置）` : role.name, value: role.id }));
  };

  const submit = async (values: Values) => {
    try {
      if (editing) {
        await unwrap(
          api.client.PATCH('/api/v1/admin/rbac/accounts/{user_id}', {
            params: { path: { user_id: account.id } },
            body: {
              name: values.name,
              department: values.department ?? '',
              contact_phone: values.contact_phone ?? '',
              email: values.email ?? '',
              role_ids: values.role_ids ?? [],
            },
          }),
        );
        message.success(`已保存「${values.name}」`);
      } else {
        await unwrap(
          api.client.POST('/api/v1/admin/rbac/accounts', {
            body: {
              username: values.username,
              name: values.name,
              password: values.password ?? '',
              role_ids: values.role_ids ?? [],
              department: values.department ?? '',
              contact_phone: values.contact_phone ?? '',
              email: values.email ?? '',
              must_change_password: values.must_change_password ?? true,
            },
          }),
        );
        message.success(`已创建账户「${values.username}」`);
      }
      onSaved();
      return true;
    } catch (e) {
      if (e instanceof ApiFailure) {
        const fields = fieldErrors(e).filter((f) => f.name !== '_');
        if (fields.length) formRef.current?.setFields(fields as never);
      }
      message.error(errorMessage(e));
      return false;
    }
  };

  return (
    <ModalForm<Values>
      title={editing ? `编辑账户：${account.username}` : '新建后台账户'}
      open={open}
      onOpenChange={onOpenChange}
      formRef={formRef}
      name="account"
      width={560}
      layout="horizontal"
      labelCol={{ span: 6 }}
      wrapperCol={{ span: 17 }}
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      submitter={{ searchConfig: { submitText: editing ? '保存' : '创建账户', resetText: '取消' } }}
      initialValues={
        editing
          ? {
              username: account.username,
              name: account.name,
              role_ids: account.roles.map((r) => r.id),
              department: account.department,
              contact_phone: account.contact_phone,
              email: account.email,
            }
          : { role_ids: [], must_change_password: true }
      }
      onFinish={submit}
    >
      <ProFormText
        name="username"
        label="登录名"
        disabled={editing}
        placeholder="字母开头，3–32 位字母、数字或 _ . -"
        rules={[
          { required: true, message: '请输入登录名' },
          { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: '字母开头，3–32 位字母、数字或 _ . -' },
        ]}
      />
      <ProFormText name="name" label="姓名" placeholder="如：张客服" rules={[{ required: true, message: '请输入姓名' }]} />
      {editing ? null : (
        <>
          <ProFormText.Password
            name="password"
            label="初始密码"
            placeholder="至少 8 位，不能全为数字或过于常见"
            rules={[
              { required: true, message: '请输入初始密码' },
              { min: 8, message: '至少 8 位' },
            ]}
          />
          <ProFormText.Password
            name="confirm"
            label="确认密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          />
        </>
      )}
      <ProFormSelect
        name="role_ids"
        label="角色"
        mode="multiple"
        request={loadRoles}
        placeholder="可选择多个角色，权限取并集"
        fieldProps={{ optionFilterProp: 'label' }}
      />
      <ProFormText name="department" label="部门" placeholder="如：客户服务部" />
      <ProFormText
        name="contact_phone"
        label="联系电话"
        placeholder="手机或座机"
        rules={[{ pattern: /^[0-9+\-() ]{0,20}$/, message: '请输入正确的电话号码' }]}
      />
      <ProFormText name="email" label="邮箱" placeholder="name@example.com" rules={[{ type: 'email', message: '邮箱格式不正确' }]} />
      {editing ? null : <ProFormSwitch name="must_change_password" label="首次登录改密" tooltip="开启后，该账户首次登录须先修改密码" />}
    </ModalForm>
  );
}
