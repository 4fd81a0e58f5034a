import 'reflect-metadata';
import { runHttpApp } from '@jobq/http';
import { DashboardModule } from './dashboard.module';

runHttpApp({
  name: 'dashboard',
  module: (config, logger) => DashboardModule.forRoot(config, logger),
  address: (config) => ({ host: config.DASHBOARD_HOST, port: config.DASHBOARD_PORT }),
  access: (config) => ({
    variable: 'DASHBOARD_USERS',
    hostVariable: 'DASHBOARD_HOST',
    configured: Boolean(config.DASHBOARD_USERS),
  }),
});
