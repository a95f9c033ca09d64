/** 新建 / 编辑角色: name, description, data scope and the three-level function tree (menu → page → button). */
import { Alert, App, Button, Drawer, Form, Input, Radio, Skeleton, Space, Switch, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { countLeaves, leafCodes, type DataScope, type PermissionNode, type PermissionTree, type Role } from '../accounts/rbac';

interface Values {
  name: string;
  description: string;
  data_scope: DataScope;
  allow_impersonation_writes: boolean;
}

function toTreeData(nodes: readonly PermissionNode[], disabled: boolean): DataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    disableCheckbox: disabled,
    title:
      node.level === 'button' ? (
        <span>
          {node.title} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{node.code}</Typography.Text>
        </span>
      ) : node.level === 'menu' ? (
        <Typography.Text strong>{node.title}</Typography.Text>
      ) : (
        node.title
      ),
    children: toTreeData(node.children as PermissionNode[], disabled),
  }));
}

export function RoleDrawer({
  role,
  open,
  onClose,
  onSaved,
}: {
  role: Role | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [tree, setTree] = useState<PermissionTree | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const builtin = Boolean(role?.builtin);

  useEffect(() => {
    if (!open) return;
    setLoadError(null);
    unwrap(api.client.GET('/api/v1/admin/rbac/permission-tree'))
      .then(setTree)
      .catch((e) => setLoadError(errorMessage(e)));
    form.setFieldsValue(
      role
        ? { name: role.name, description: role.description, data_scope: role.data_scope, allow_impersonation_writes: role.allow_impersonation_writes }
        : { name: '', description: '', data_scope: 'all_read', allow_impersonation_writes: false },
    );
    setChecked(role?.permissions ?? []);
  }, [api, form, open, role]);

  const adminTree = useMemo(() => (tree?.tree ?? []).filter((n) => n.surface === 'admin'), [tree]);
  const treeData = useMemo(() => toTreeData(adminTree, builtin), [adminTree, builtin]);
  const selected = leafCodes(checked, adminTree);
  const scope = Form.useWatch('data_scope', form);

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const body = { ...values, permissions: selected };
    try {
      if (role) {
        const patch = builtin
          ? { description: values.description, allow_impersonation_writes: values.allow_impersonation_writes }
          : body;
        await unwrap(api.client.PATCH('/api/v1/admin/rbac/roles/{role_id}', { params: { path: { role_id: role.id } }, body: patch }));
        message.success(`已保存角色「${values.name}」，持有该角色的账户将收到变更通知`);
      } else {
        await unwrap(api.client.POST('/api/v1/admin/rbac/roles', { body }));
        message.success(`已创建角色「${values.name}」`);
      }
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiFailure) {
        const fields = fieldErrors(e).filter((f) => ['name', 'description', 'data_scope'].includes(f.name));
        if (fields.length) form.setFields(fields as never);
      }
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={role ? `编辑角色：${role.name}` : '新建角色'}
      width={720}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="role-save">
            保存
          </Button>
        </Space>
      }
    >
      {builtin ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message="内置角色拥有全部后台权限，只能修改描述和「用户切换时允许修改」。" /> : null}
      <Form form={form} layout="vertical" requiredMark="optional" disabled={false}>
        <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请输入角色名称' }, { max: 32, message: '最多 32 个字' }]}>
          <Input placeholder="如：客服、运营、财务" disabled={builtin} maxLength={32} />
        </Form.Item>
        <Form.Item name="description" label="描述">
          <Input.TextArea placeholder="这个角色负责什么" maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="data_scope" label="数据权限" rules={[{ required: true, message: '请选择数据权限' }]}>
          <Radio.Group disabled={builtin} style={{ width: '100%' }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {(tree?.data_scopes ?? []).map((s) => (
                <Radio key={s.value} value={s.value}>
                  <Typography.Text strong>{s.label}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 13 }}>
                    {s.description}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="allow_impersonation_writes"
          label="用户切换时允许修改"
          valuePropName="checked"
          extra={scope === 'all_write' ? '开启后，持有该角色的账户切换为商户用户时可以提交修改。' : '仅当数据权限为「全部商户可写」且含「切换为商户用户」权限时生效；否则用户切换始终只读。'}
        >
          <Switch checkedChildren="允许" unCheckedChildren="只读" />
        </Form.Item>
        <Form.Item
          label={
            <span>
              功能权限 <Tag bordered={false} color="geekblue">已选 {selected.length} / {countLeaves(adminTree)}</Tag>
            </span>
          }
          required
          tooltip="菜单 → 页面 → 按钮三级；勾选上级即选中其下全部"
        >
          {loadError ? (
            <Alert type="error" showIcon message="权限树加载失败" description={loadError} />
          ) : !tree ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : (
            <div className="jmt-permission-tree" data-testid="permission-tree">
              <Tree
                checkable
                selectable={false}
                defaultExpandAll
                treeData={treeData}
                checkedKeys={builtin ? adminTree.flatMap(function all(n): string[] { return [n.key, ...(n.children as PermissionNode[]).flatMap(all)]; }) : checked}
                onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String))}
              />
            </div>
          )}
        </Form.Item>
      </Form>
    </Drawer>
  );
}
