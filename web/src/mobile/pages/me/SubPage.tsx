import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import './me.css';

/** A full-screen page under 我的: a back bar and its content on the grey background. */
export function SubPage({ title, right, children }: { title: string; right?: ReactNode; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <div className="mme-sub">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/me'))} right={right} className="mme-sub__bar">
        {title}
      </NavBar>
      <div className="mme-sub__body">{children}</div>
    </div>
  );
}
