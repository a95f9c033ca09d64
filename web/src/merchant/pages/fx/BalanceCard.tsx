/** The sub-account balance: balance, 结汇中金额, available, update time (the 收结汇 home and the request form). */
import { Card, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { dateTime, money, type Account } from '@/shared/fx';

export function BalanceFigures({ account }: { account: Account }) {
  const frozen = Number(account.frozen.amount) > 0;
  return (
    <div className="fx-balance" data-testid="fx-balance">
      <div>
        <div className="fx-balance__label">子账户余额（美元）</div>
        <div className="fx-balance__main">{money(account.balance)}</div>
      </div>
      {frozen ? (
        <div className="fx-balance__frozen" data-testid="fx-frozen">
          结汇中金额：{money(account.frozen)}
        </div>
      ) : null}
      <div>
        <div className="fx-balance__label">可用余额</div>
        <div className="fx-balance__available">{money(account.available)}</div>
      </div>
      <div>
        <div className="fx-balance__label">余额日期 / 更新时间</div>
        <div>
          {account.balance_date ?? '—'} · {dateTime(account.updated_at)}
        </div>
      </div>
      {account.sub_account_no ? (
        <div>
          <div className="fx-balance__label">外汇子账户</div>
          <div>{account.sub_account_no}</div>
        </div>
      ) : null}
    </div>
  );
}

export function BalanceCard({ account, loading, extra }: { account: Account | null | undefined; loading: boolean; extra?: ReactNode }) {
  return (
    <Card variant="borderless" className="jmt-card" title="外币账户余额" extra={extra}>
      {loading ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
      {!loading && !account ? (
        <Empty description={<Typography.Text type="secondary">捷晶上传子账户余额后，这里会显示您的美元余额</Typography.Text>} />
      ) : null}
      {!loading && account ? <BalanceFigures account={account} /> : null}
    </Card>
  );
}
