import 'reflect-metadata';
import { runHttpApp } from '@jobq/http';
import { parseDashboardUsers } from '@jobq/queue-core';
import { prepareDashboard } from './dashboard-setup';
import { DashboardModule } from './dashboard.module';

runHttpApp({
  name: 'dashboard',
  module: (config, logger) => DashboardModule.forRoot(config, logger),
  address: (config) => ({ host: config.DASHBOARD_HOST, port: config.DASHBOARD_PORT }),
  access: (config) => ({
    variable: 'DASHBOARD_USERS',
    hostVariable: 'DASHBOARD_HOST',
    configured: parseDashboardUsers(config.DASHBOARD_USERS).length > 0,
  }),
  prepare: prepareDashboard,
});
