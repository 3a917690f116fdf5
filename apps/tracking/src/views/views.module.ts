import { Module } from '@nestjs/common';
import { CaseListsRepository } from './case-lists.repository';
import { ViewsHandlers } from './views.handlers';

/** The applicants' and the agencies' lists over the read model (issue 9). */
@Module({ controllers: [ViewsHandlers], providers: [CaseListsRepository] })
export class ViewsModule {}
