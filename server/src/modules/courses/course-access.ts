import type { Principal } from '../../common/request';
import type { CourseRow } from './courses.repository';

/** What a caller may do with a course: decided here only. */
export interface CourseRights {
  manage: boolean;
  review: boolean;
  view: boolean;
  play: boolean;
  enrol: boolean;
}

export function courseRights(p: Principal, c: Pick<CourseRow, 'institution_id' | 'status' | 'enrolment' | 'instructor_ids' | 'required'>): CourseRights {
  const ownInstitution = p.role === 'institution_admin' && p.institutionId === c.institution_id;
  const teaches = p.role === 'instructor' && (c.instructor_ids ?? []).includes(p.userId);
  const review = p.role === 'sys_admin' || ownInstitution;
  const manage = review || teaches;
  const published = c.status === 'published';
  const enrolled = c.enrolment !== null;
  return {
    manage,
    review,
    // officials and org admins see the catalogue; learners keep seeing a course they are enrolled in
    view: manage || published || (p.role === 'official' && enrolled),
    play: manage || (p.role === 'official' && enrolled && published),
    enrol: p.role === 'official' && published && !enrolled && !c.required,
  };
}
