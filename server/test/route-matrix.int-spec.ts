import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from './harness';

/**
 * Every route of the OpenAPI document × every role, against a table written out here on purpose
 * (not read from the contract): a route added without an entry fails, and so does a route whose
 * roles change without this table changing with it.
 *
 * Letters: P public; A any signed-in user; o official, i instructor, n institution admin,
 * g org (personnel) admin, s system admin.
 */
const WHO: Record<string, string> = {
  health: 'P', login: 'P', refresh: 'P', logout: 'P', changePassword: 'A', me: 'A',
  listUsers: 'ngs', createUser: 'ngs', importTemplate: 'gs', importUsers: 'gs', getUser: 'ngs', updateUser: 'ngs', resetPassword: 'ngs',
  orgTree: 'ngs', createOrgUnit: 'gs', updateOrgUnit: 'gs', deleteOrgUnit: 'gs', listInstitutions: 'ngs', createInstitution: 's',
  listCategories: 'A', createCategory: 's', updateCategory: 's', catalog: 'A', myCourses: 'o', managedCourses: 'ins',
  createCourse: 'ins', getCourse: 'A', updateCourse: 'ins', addChapter: 'ins', updateChapter: 'ins', deleteChapter: 'ins',
  addLesson: 'ins', updateLesson: 'ins', deleteLesson: 'ins', reorderCourse: 'ins', submitCourse: 'ins',
  reviewCourse: 'ns', publishCourse: 'ns', unpublishCourse: 'ns', enrol: 'o', assignCourse: 'gs',
  uploadLimits: 'ins', mediaByUpload: 'ins', getMedia: 'ins', playback: 'A',
  startSession: 'o', heartbeat: 'o', answerAttention: 'o', endSession: 'o', lessonCredit: 'o', myProgress: 'o', addCorrection: 'gs',
  listQuestions: 'ins', createQuestion: 'ins', updateQuestion: 'ins', deleteQuestion: 'ins', importQuestions: 'ins', exportQuestions: 'ins',
  listQuizzes: 'A', createQuiz: 'ins', updateQuiz: 'ins', deleteQuiz: 'ins', quizStats: 'ins',
  startAttempt: 'o', getAttempt: 'o', saveAnswer: 'o', submitAttempt: 'o', myEvaluation: 'o', submitEvaluation: 'o',
  evaluationResults: 'ings', courseCompletion: 'o',
  listClasses: 'A', createClass: 'ns', getClass: 'A', addClassMembers: 'ns', classCandidates: 'ns', listJournal: 'A', addJournalEntry: 'o',
  peerReviewState: 'o', submitPeerReview: 'o', scoreTrainee: 'ins', classAssessment: 'A',
  createAppeal: 'o', listAppeals: 'ogs', getAppeal: 'ogs', decideAppeal: 'gs', exportAppeals: 'gs', anomalies: 'gs', exportAnomalies: 'gs', exportUsers: 'ngs',
  updateClass: 'ns', publishClass: 'ns', addClassSession: 'ns', updateClassSession: 'ns', deleteClassSession: 'ns', classAttendance: 'ins',
  recordAttendance: 'ns', addClassMembersByUnit: 'ns', importClassMembers: 'ns', removeClassMember: 'ns', classCompletion: 'ins',
  exportClassCompletion: 'ns', finishClass: 'ns', getPolicy: 'A', updatePolicy: 's',
  myCompliance: 'o', officialCompliance: 'ngs', complianceList: 'ngs', exportComplianceList: 'ngs', complianceDashboard: 'ngs', sendReminders: 'ngs',
  myNotifications: 'A', readNotification: 'A', archive: 'ongs', archivePdf: 'ongs', archiveXlsx: 'ongs', verifyArchive: 'P',
  queueBoardTicket: 's',
  mySessions: 'A', revokeMySession: 'A', revokeOtherSessions: 'A', revokeUserSessions: 'ngs',
  auditLog: 's', exportAuditLog: 's',
};

const ACTORS = [
  { letter: 'o', username: 'official' },
  { letter: 'i', username: 'teacher' },
  { letter: 'n', username: 'inst_admin' },
  { letter: 'g', username: 'yz_admin' },
  { letter: 's', username: 'sysadmin' },
] as const;

interface Op {
  id: string;
  method: string;
  path: string;
}

describe('role × route matrix (every route of the OpenAPI document)', () => {
  let t: TestApp;
  let ops: Op[];
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const doc = await t.call('GET', '/api/openapi.json');
    ops = [];
    for (const [p, methods] of Object.entries(doc.body.paths as Record<string, Record<string, { operationId: string }>>)) {
      for (const [m, op] of Object.entries(methods)) ops.push({ id: op.operationId, method: m.toUpperCase(), path: p });
    }
    for (const a of ACTORS) tokens[a.letter] = await t.login(a.username);
  }, 60_000);
  afterAll(async () => t.close());

  /** The route with made-up ids: what it may answer is 400 or 404 or 200, but never 401/403 to an allowed role. */
  const call = (op: Op, token?: string) =>
    t.call(op.method as 'GET', op.path.replace(/\{(\w+)\}/g, (_, name) => (name === 'uploadId' ? 'upload-matrix-0001' : randomUUID())), {
      token,
      ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { body: {} }),
    });

  it('every route of the document has an entry, and every entry a route', () => {
    expect(ops.map((o) => o.id).sort()).toEqual(Object.keys(WHO).sort());
  });

  it('anonymous callers get 401 except on public routes; no route answers 5xx', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const r = await call(op);
      // health answers 503 while no worker runs (none does in this test): that is its job
      if (op.id === 'health' && r.status === 503) continue;
      if (r.status >= 500 || (WHO[op.id] === 'P' ? r.status === 401 || r.status === 403 : r.status !== 401)) wrong.push(`${op.id}: ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('each role gets 403 where the table says no, and never 401/403/5xx where it says yes', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const who = WHO[op.id];
      if (who === 'P' || op.id === 'logout' || op.id === 'changePassword') continue;
      for (const a of ACTORS) {
        const allowed = who === 'A' || who.includes(a.letter);
        const r = await call(op, tokens[a.letter]);
        const ok = r.status < 500 && (allowed ? r.status !== 401 && r.status !== 403 : r.status === 403);
        if (!ok) wrong.push(`${op.id} as ${a.username}: ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('the routes outside the contract: tus uploads and signed media', async () => {
    expect((await t.call('POST', '/api/uploads/tus', { headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } })).status).toBe(401);
    const up = await t.call('POST', '/api/uploads/tus', { token: tokens.o, headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
    expect(up.status).toBe(403);
    expect((await t.call('GET', '/api/stream/not-a-token/master.m3u8')).status).toBe(403);
    // without METRICS_TOKEN configured the metrics route does not exist
    expect((await t.call('GET', '/api/metrics', { token: tokens.s })).status).toBe(404);
  });

  it('another subtree: the 江北区 admin gets 404 for a 渝中区 official, the 渝中区 admin 200', async () => {
    const jb = await t.login('jb_admin');
    const [u] = await t.ds.query(`SELECT id FROM users WHERE username = 'official'`);
    for (const [method, path, body] of [
      ['GET', `/api/users/${u.id}`, undefined],
      ['PATCH', `/api/users/${u.id}`, { position: '科员' }],
      ['POST', `/api/users/${u.id}/reset-password`, undefined],
      ['POST', '/api/credit/corrections', { userId: u.id, hours: 1, reason: '越权补录学时' }],
    ] as const) {
      const r = await t.call(method, path, { token: jb, body });
      expect([path, r.status]).toEqual([path, 404]);
    }
    expect((await t.call('GET', `/api/users/${u.id}`, { token: tokens.g })).status).toBe(200);
    const list = await t.call('GET', '/api/users?pageSize=200', { token: jb });
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(u.id);
  });
});
