import { Global, Module } from '@nestjs/common';
import { TokenService } from './auth/token.service';

@Global()
@Module({ providers: [TokenService], exports: [TokenService] })
export class CommonModule {}
