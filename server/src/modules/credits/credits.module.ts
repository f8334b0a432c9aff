import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CreditsController } from './credits.controller';
import { CreditsService } from './credits.service';
import { LedgerRepository } from './ledger.repository';

@Module({ imports: [AccountsModule], controllers: [CreditsController], providers: [CreditsService, LedgerRepository] })
export class CreditsModule {}
