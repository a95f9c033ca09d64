/** Every ECharts chart goes through here: charts grow in, unless the person asked for reduced motion. */
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { EChartsReactProps } from 'echarts-for-react/lib/types';
import { useMemo } from 'react';
import { useReducedMotion } from '../hooks/useReducedMotion';

export function Chart({ option, ...props }: EChartsReactProps) {
  const reduced = useReducedMotion();
  const shown = useMemo(() => (reduced ? { ...option, animation: false } : option), [option, reduced]);
  return <ReactEChartsCore option={shown} {...props} />;
}
