import { Global, Module } from '@nestjs/common';
import { SessionRevocations } from './auth/session-revocations';
import { TokenService } from './auth/token.service';

@Global()
@Module({ providers: [TokenService, SessionRevocations], exports: [TokenService, SessionRevocations] })
export class CommonModule {}
