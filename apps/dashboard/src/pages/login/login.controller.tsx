import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { LOGGER } from '@jobq/queue-core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { logIn, logOut, Public, Requires, UserDirectory } from '@jobq/http';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { seeOther } from '../see-other';
import { LoginPage } from './login.view';

/** Login attempts per client address per minute (`@fastify/rate-limit`, counted in Redis). */
export const LOGIN_ATTEMPTS_PER_MINUTE = 10;

/** Log in (a session cookie) and out. With no users configured there is nothing to log into. */
@Controller()
@Public()
export class LoginController {
  constructor(
    private readonly users: UserDirectory,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get(PATHS.login)
  @HtmlPage()
  form(@Res({ passthrough: true }) reply: FastifyReply, @Query('next') next?: string): string {
    if (this.users.open) return seeOther(reply, PATHS.overview);
    return (<LoginPage next={localPath(next)} />) as string;
  }

  @Post(PATHS.login)
  @HttpCode(200)
  @HtmlPage()
  @RouteConfig({ rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: 60_000 } })
  async login(
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const form = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string) : '');
    const next = localPath(text('next'));
    if (this.users.open) return seeOther(reply, next);
    const user = await this.users.check(text('user'), text('password'));
    if (!user) {
      this.logger.warn({ user: text('user'), from: request.ip }, 'dashboard login refused');
      void reply.code(401);
      return (
        <LoginPage next={next} user={text('user')} error="Wrong user name or password." />
      ) as string;
    }
    await logIn(request, user);
    this.logger.info({ user: user.name, role: user.role, from: request.ip }, 'dashboard login');
    return seeOther(reply, next);
  }

  @Post(PATHS.logout)
  @HttpCode(200)
  @Requires('read')
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await logOut(request);
    return seeOther(reply, PATHS.login);
  }
}

/** `next` when it is a path of this site, else the overview (no open redirect). */
function localPath(next: string | undefined): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : PATHS.overview;
}
