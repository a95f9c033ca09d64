import logo from '../brand/logo.svg';

/** The 晶贸通 logo with its name; `light` for dark backgrounds. */
export function BrandMark({ size = 32, light = false, subtitle }: { size?: number; light?: boolean; subtitle?: string }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10 }}>
      <img src={logo} width={size} height={size} alt="" style={{ display: 'block' }} />
      <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.2 }}>
        <span style={{ fontSize: size * 0.56, fontWeight: 700, letterSpacing: 2, color: light ? '#fff' : '#1e1b4b' }}>晶贸通</span>
        {subtitle ? (
          <span style={{ fontSize: 12, color: light ? 'rgba(255,255,255,0.72)' : '#6b7185', letterSpacing: 0.5 }}>{subtitle}</span>
        ) : null}
      </span>
    </span>
  );
}
