import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionsService } from './sessions.service';
import { UserImportService } from './user-import.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [OrganizationsModule],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, UserImportService, UsersRepository, RefreshTokensRepository, SessionsService],
  exports: [RefreshTokensRepository, UsersRepository],
})
export class AccountsModule {}
