import 'reflect-metadata';
import { runHttpApp } from '@jobq/http';
import { ApiModule } from './api.module';
import { apiKeys, prepareApi } from './prepare-api';

runHttpApp({
  name: 'api',
  module: (config, logger) => ApiModule.forRoot(config, logger),
  address: (config) => ({ host: config.API_HOST, port: config.API_PORT }),
  access: (config) => ({
    variable: 'API_KEYS',
    hostVariable: 'API_HOST',
    configured: apiKeys(config).configured,
  }),
  prepare: prepareApi,
});
