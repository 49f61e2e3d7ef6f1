/**
 * The console's only client script, served as /static/console.js: the board refreshes
 * itself when tickets change, the code login waits for the confirmation, charts draw
 * from the JSON the server put in the page, and dangerous buttons ask first.
 */
export const CLIENT_JS = `(() => {
  const toast = (text) => {
    const t = document.getElementById('toast');
    if (!t) return;
    t.textContent = text; t.style.display = 'block';
    setTimeout(() => { t.style.display = 'none'; }, 4000);
  };

  const board = document.querySelector('[data-poll]');
  if (board) {
    let version = board.getAttribute('data-version');
    const tick = async () => {
      try {
        const r = await fetch(board.getAttribute('data-poll'), { headers: { accept: 'application/json' } });
        if (r.ok) {
          const v = (await r.json()).version;
          if (v !== version) {
            const f = await fetch(location.href, { headers: { 'x-fragment': 'board' } });
            if (f.ok) {
              board.innerHTML = await f.text();
              if (version !== null) toast('工单有更新');
              version = v;
            }
          }
        }
      } catch (e) { /* offline for a moment: try again next time */ }
      setTimeout(tick, Number(board.getAttribute('data-every') || 4000));
    };
    setTimeout(tick, Number(board.getAttribute('data-every') || 4000));
  }

  const waiting = document.querySelector('[data-code-poll]');
  if (waiting) {
    const check = async () => {
      try {
        const r = await fetch(waiting.getAttribute('data-code-poll'), { method: 'POST', headers: { accept: 'application/json' } });
        const s = await r.json();
        if (s.state === 'confirmed') { location.href = waiting.getAttribute('data-next') || '/'; return; }
        if (s.state === 'none') { waiting.textContent = '验证码已过期，请刷新页面获取新码。'; return; }
      } catch (e) { /* try again */ }
      setTimeout(check, 2000);
    };
    setTimeout(check, 2000);
  }

  if (window.echarts) {
    document.querySelectorAll('[data-chart]').forEach((el) => {
      const src = document.getElementById(el.getAttribute('data-chart'));
      if (!src) return;
      const chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(src.textContent));
      window.addEventListener('resize', () => chart.resize());
    });
  }

  document.querySelectorAll('form[data-confirm]').forEach((f) => {
    f.addEventListener('submit', (e) => { if (!confirm(f.getAttribute('data-confirm'))) e.preventDefault(); });
  });
})();
`;
