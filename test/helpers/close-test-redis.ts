import { closeTestRedis } from './test-env';

afterAll(closeTestRedis);
