import { CLASS_KIND_LABELS, type ArchiveView } from '@xueshi/shared';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const day = (s: string) => {
  const d = new Date(new Date(s).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 10);
};
const empty = (cols: number) => `<tr><td colspan="${cols}" class="none">无</td></tr>`;

/** The printed archive: A4, the layout of an attachment to the annual assessment form (P7). */
export function archiveHtml(a: ArchiveView, qrSvg: string): string {
  const c = a.compliance;
  const rules = c.items
    .map((i) => `<tr><td>${esc(i.rule)}</td><td>${esc(i.zh)}</td><td class="n">${i.unit === 'result' ? '—' : `${i.required} ${i.unit === 'days' ? '天' : '学时'}`}</td>
      <td class="n">${i.unit === 'result' ? '—' : `${i.actual} ${i.unit === 'days' ? '天' : '学时'}`}</td><td class="${i.met ? 'ok' : 'bad'}">${i.met ? '达到' : `未达到${i.shortfall && i.unit !== 'result' ? `（差 ${i.shortfall}）` : ''}`}</td></tr>`)
    .join('');
  const courses = a.courses.length
    ? a.courses.map((x) => `<tr><td>${esc(x.title)}${x.kind === 'correction' ? `<div class="small">更正：${esc(x.reason)}</div>` : ''}</td><td>${esc(x.category ?? '—')}</td><td class="n">${x.hours}</td><td>${day(x.creditedAt)}</td></tr>`).join('')
    : empty(4);
  const classes = a.classes.length
    ? a.classes.map((x) => `<tr><td>${esc(x.title)}<div class="small">${esc(x.institution)}</div></td><td>${esc(CLASS_KIND_LABELS[x.kind as keyof typeof CLASS_KIND_LABELS]?.zh ?? x.kind)}</td>
        <td>${x.startsOn} 至 ${x.endsOn}</td><td class="n">${x.attendedDays}</td><td class="n">${x.hours}</td>
        <td class="${x.assessmentPassed === false ? 'bad' : ''}">${x.assessmentPassed === null ? '未完成' : `${x.assessmentTotal ?? ''} 分 ${x.assessmentPassed ? '合格' : '不合格'}`}</td><td>${x.completed ? '是' : '否'}</td></tr>`).join('')
    : empty(7);
  const exams = a.exams.length
    ? a.exams.map((x) => `<tr><td>${esc(x.title)}</td><td class="n">${x.score ?? '—'}</td><td class="${x.passed === false ? 'bad' : ''}">${x.passed === null ? '—' : x.passed ? '通过' : '未通过'}</td><td>${day(x.submittedAt)}</td></tr>`).join('')
    : empty(4);
  const evals = a.evaluations.length ? a.evaluations.map((x) => `<tr><td>${esc(x.courseTitle)}</td><td>${day(x.submittedAt)}</td></tr>`).join('') : empty(2);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>培训档案 ${esc(a.official.name)} ${c.year}</title>
<style>
  * { box-sizing: border-box; }
  body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif; color: #111; font-size: 10.5pt; margin: 0; }
  h1 { font-size: 18pt; text-align: center; letter-spacing: 4pt; margin: 0 0 4pt; }
  .sub { text-align: center; color: #444; margin-bottom: 10pt; }
  h2 { font-size: 11.5pt; margin: 12pt 0 4pt; border-left: 3pt solid #b71c1c; padding-left: 6pt; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 0.6pt solid #555; padding: 3pt 5pt; vertical-align: top; }
  th { background: #f1f1f1; font-weight: bold; text-align: left; }
  td.n { text-align: right; white-space: nowrap; }
  td.ok { color: #1b5e20; } td.bad { color: #b71c1c; font-weight: bold; }
  td.none { text-align: center; color: #777; }
  .small { font-size: 8.5pt; color: #555; }
  .head { display: flex; gap: 12pt; align-items: flex-start; }
  .head table { flex: 1; }
  .qr { width: 92pt; text-align: center; font-size: 8pt; }
  .qr svg { width: 86pt; height: 86pt; }
  .warn { border: 1pt solid #b71c1c; color: #b71c1c; padding: 5pt 8pt; margin-top: 8pt; font-weight: bold; }
  .foot { margin-top: 14pt; font-size: 8.5pt; color: #444; }
  tr { page-break-inside: avoid; }
</style></head><body>
<h1>公务员培训档案</h1>
<div class="sub">${c.year} 年度 · 供年度考核登记表附件使用</div>
<div class="head">
  <table>
    <tr><th style="width:16%">姓名</th><td style="width:34%">${esc(a.official.name)}</td><th style="width:16%">人员编号</th><td>${esc(a.official.staffNo ?? '—')}</td></tr>
    <tr><th>工作单位</th><td colspan="3">${esc(a.official.unitName ?? '—')}</td></tr>
    <tr><th>职务</th><td>${esc(a.official.position ?? '—')}</td><th>职级</th><td>${esc(a.official.rankLevel ?? '—')}</td></tr>
    <tr><th>学时合计</th><td>${c.totals.hours} 学时（折合 ${Math.round((c.totals.hours / 7.5) * 10) / 10} 天）</td><th>年度要求</th><td class="${c.met ? 'ok' : 'bad'}">${c.met ? '已达到' : '未达到'}</td></tr>
    <tr><th>在线学习</th><td>${c.totals.onlineHours} 学时</td><th>脱产培训</th><td>${c.totals.offlineDays} 天（${c.totals.offlineHours} 学时）</td></tr>
  </table>
  <div class="qr">${qrSvg}<div>扫码核验</div></div>
</div>
${c.excellentBarred ? '<div class="warn">本年度脱产培训考核不合格，年度考核不得确定为优秀等次。</div>' : ''}
<h2>年度培训要求</h2>
<table><tr><th style="width:7%">条目</th><th>要求</th><th style="width:13%">规定</th><th style="width:13%">实际</th><th style="width:20%">结果</th></tr>${rules}</table>
<h2>课程学时及更正</h2>
<table><tr><th>课程</th><th style="width:20%">类别</th><th style="width:10%">学时</th><th style="width:15%">记入日期</th></tr>${courses}</table>
<h2>脱产培训班次</h2>
<table><tr><th>班次</th><th style="width:10%">类型</th><th style="width:21%">起止日期</th><th style="width:8%">出勤(天)</th><th style="width:8%">学时</th><th style="width:14%">考核</th><th style="width:7%">结业</th></tr>${classes}</table>
<h2>结业考试</h2>
<table><tr><th>考试</th><th style="width:10%">成绩</th><th style="width:12%">结果</th><th style="width:15%">交卷日期</th></tr>${exams}</table>
<h2>培训评估（凡训必评）</h2>
<table><tr><th>已提交评估的课程</th><th style="width:15%">提交日期</th></tr>${evals}</table>
<div class="foot">核验码：<b>${esc(a.code)}</b>　出具时间：${day(a.issuedAt)}　核验地址：${esc(a.verifyUrl)}<br>
本档案由学时平台依据学时台账生成；台账记录如有变动，核验结果将显示“与台账不符”。</div>
</body></html>`;
}
