import 'reflect-metadata';
import { runHttpApp } from '@jobq/http';
import { ApiModule } from './api.module';
import { setupOpenApi } from './open-api';

runHttpApp({
  name: 'api',
  module: (config, logger) => ApiModule.forRoot(config, logger),
  address: (config) => ({ host: config.API_HOST, port: config.API_PORT }),
  access: (config) => ({
    variable: 'API_KEYS',
    hostVariable: 'API_HOST',
    configured: Boolean(config.API_KEYS),
  }),
  prepare: setupOpenApi,
});
