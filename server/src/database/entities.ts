import { RefreshTokenEntity } from '../modules/accounts/refresh-token.entity';
import { UserEntity } from '../modules/accounts/user.entity';
import { InstitutionEntity } from '../modules/organizations/institution.entity';
import { OrgUnitEntity } from '../modules/organizations/org-unit.entity';

/** Every entity, in one list shared by the app and the migration tooling. */
export const ENTITIES = [OrgUnitEntity, InstitutionEntity, UserEntity, RefreshTokenEntity];
