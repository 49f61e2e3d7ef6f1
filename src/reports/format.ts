/** Figures as people read them: 80%（8/10）, 1小时30分, — for nothing to show. */

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

export function formatRate(num: number, den: number): string {
  return den === 0 ? '—（暂无）' : `${percent(num / den)}（${num}/${den}）`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}小时${minutes % 60 ? `${minutes % 60}分` : ''}`;
  const days = Math.floor(hours / 24);
  return `${days}天${hours % 24 ? `${hours % 24}小时` : ''}`;
}

/** Hours with one decimal, for CSV and tables. */
export const hours = (ms: number | null): string => (ms === null ? '' : (ms / 3_600_000).toFixed(1));
