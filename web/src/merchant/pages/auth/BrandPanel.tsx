import { AuditOutlined, BankOutlined, CarOutlined, DollarOutlined } from '@ant-design/icons';
import { BrandMark } from '@/shared/components/BrandMark';
import { brand } from '@/shared/theme';

const POINTS = [
  { icon: <BankOutlined />, title: '工商注册', text: '个体户、企业注册在线办理，进度实时可查' },
  { icon: <AuditOutlined />, title: '报关退税', text: '9610 出口申报对接点点通，退税进度一目了然' },
  { icon: <CarOutlined />, title: '跨境物流', text: 'DHL、UPS、顺丰国际等渠道对比，一站式发货' },
  { icon: <DollarOutlined />, title: '收结汇', text: '多币种汇率看板，外币到账快速结汇' },
];

/** The left half of the login page: what 晶贸通 is, on the brand gradient. */
export function BrandPanel() {
  return (
    <section className="jmt-login-brand" style={{ background: brand.gradient }}>
      <div className="jmt-login-brand__glow" />
      <svg className="jmt-login-brand__crystal" viewBox="0 0 200 240" aria-hidden>
        <path d="M100 8 184 84 100 232 16 84Z" fill="rgba(255,255,255,0.06)" stroke="rgba(255,255,255,0.22)" />
        <path d="M16 84h168L100 8Z" fill="rgba(255,255,255,0.08)" />
        <path d="M100 232 62 84h76Z" fill="rgba(255,255,255,0.05)" stroke="rgba(255,255,255,0.16)" />
        <path d="M62 84 100 8l38 76" fill="none" stroke="rgba(255,255,255,0.16)" />
      </svg>
      <div className="jmt-login-brand__inner">
        <BrandMark size={44} light subtitle="跨境贸易服务平台" />
        <h1 className="jmt-login-brand__headline">让东海水晶，卖向全世界</h1>
        <p className="jmt-login-brand__lead">
          专为东海水晶中小商家打造：从工商注册到出口退税、收结汇，一个平台办完跨境贸易的每一步。
        </p>
        <ul className="jmt-login-brand__points">
          {POINTS.map((p) => (
            <li key={p.title}>
              <span className="jmt-login-brand__icon">{p.icon}</span>
              <span>
                <strong>{p.title}</strong>
                <em>{p.text}</em>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <footer className="jmt-login-brand__footer">© {new Date().getFullYear()} 捷晶 · 晶贸通</footer>
    </section>
  );
}
