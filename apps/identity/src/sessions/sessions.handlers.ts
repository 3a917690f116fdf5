import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DomainError, type RequestContext } from '@satupintu/common';
import {
  ChangePassword,
  ChangePasswordV1,
  IssueClientToken,
  IssueClientTokenV1,
  LogIn,
  LogInV1,
  LogOut,
  LogOutV1,
  RefreshSession,
  RefreshSessionV1,
  type IssuedTokensV1,
  type LoggedOutV1,
  type PasswordChangedV1,
} from '@satupintu/contracts';
import { Caller, HandleRequest, UnitOfWork } from '@satupintu/messaging';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../credentials/passwords';
import { changePassword } from './change-password';
import { CredentialsRepository, type Person } from './credentials.repository';
import { issueClientToken } from './issue-client-token';
import { logIn } from './log-in';
import { logOutWhom } from './log-out';
import { principalOfPerson } from './principals';
import { REFRESH_TOKEN_TTL_SECONDS } from './refresh-tokens';
import { SessionsRepository, type SessionSubject } from './sessions.repository';
import { TokenIssuer } from './token-issuer';

const passwordChecks = { verify: verifyPassword, dummyHash: dummyPasswordHash };

@Controller()
export class SessionsHandlers {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenIssuer,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @HandleRequest(LogIn)
  logIn(@Payload() input: LogInV1): Promise<IssuedTokensV1> {
    return logIn(input, {
      ...passwordChecks,
      findPerson: (identifier) => this.credentials.findByIdentifier(identifier),
      countAttempt: (key) => this.sessions.countAttempt(key),
      clearAttempts: (key) => this.sessions.clearAttempts(key),
      openSession: async (person) => {
        const refreshToken = await this.sessions.issue(person);
        return this.withRefresh(
          await this.tokens.accessToken(principalOfPerson(person)),
          refreshToken,
        );
      },
    });
  }

  @HandleRequest(IssueClientToken)
  issueClientToken(@Payload() input: IssueClientTokenV1): Promise<IssuedTokensV1> {
    return issueClientToken(input, {
      ...passwordChecks,
      findClient: (clientId) => this.credentials.findClient(clientId),
      accessToken: (principal) => this.tokens.accessToken(principal),
    });
  }

  @HandleRequest(RefreshSession)
  async refresh(@Payload() input: RefreshSessionV1): Promise<IssuedTokensV1> {
    let person: Person | undefined;
    const rotation = await this.sessions.rotate(input.refreshToken, async (subject) => {
      // The roles and agency as they are now, not as they were at sign-in.
      person = await this.credentials.findById(subject.kind, subject.id);
      return person?.active === true;
    });
    if (rotation.outcome !== 'rotated' || !person) throw new DomainError('invalid_grant', 401);
    return this.withRefresh(
      await this.tokens.accessToken(principalOfPerson(person)),
      rotation.refreshToken,
    );
  }

  @HandleRequest(LogOut)
  async logOut(@Payload() input: LogOutV1, @Caller() caller: RequestContext): Promise<LoggedOutV1> {
    const holder = await logOutWhom(caller.principal, input, (token) =>
      this.sessions.holderOf(token),
    );
    return { revoked: holder ? await this.sessions.revokeAll(holder) : 0 };
  }

  @HandleRequest(ChangePassword)
  changePassword(
    @Payload() input: ChangePasswordV1,
    @Caller() caller: RequestContext,
  ): Promise<PasswordChangedV1> {
    return changePassword(caller.principal, input, {
      ...passwordChecks,
      findPerson: (kind, id) => this.credentials.findById(kind, id),
      countAttempt: (key) => this.sessions.countAttempt(key),
      clearAttempts: (key) => this.sessions.clearAttempts(key),
      hash: hashPassword,
      replacePassword: (person, passwordHash) =>
        this.unitOfWork.run(async (tx) => {
          await this.credentials.setPassword(person.kind, person.id, passwordHash, tx);
          const subject: SessionSubject = { kind: person.kind, id: person.id };
          return this.sessions.revokeAll(subject, tx);
        }),
    });
  }

  private withRefresh(access: IssuedTokensV1, refreshToken: string): IssuedTokensV1 {
    return { ...access, refreshToken, refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS };
  }
}
