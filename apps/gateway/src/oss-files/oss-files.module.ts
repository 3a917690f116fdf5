import { Module } from '@nestjs/common';
import { OssFilesController } from './oss-files.controller';

@Module({ controllers: [OssFilesController] })
export class OssFilesModule {}
