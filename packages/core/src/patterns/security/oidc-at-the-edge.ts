import { z } from 'zod';
import type { Op } from '../../document/change-set';
import type { ArchDocument } from '../../document/schema';
import { definePattern } from '../define';
import { addComponent, addConnection, idMaker, inSelection, near, patternChangeSet, patternContext } from '../context';
import type { PatternTarget } from '../types';
import { fmt, names, ruleFindings } from './wiring';

const params = z.object({
  identityProvider: z
    .enum(['cloud', 'keycloak', 'auth0'])
    .default('cloud')
    .describe("Who issues the tokens when the design has no identity provider: the cloud's (Cognito on AWS, a hosted OIDC provider priced as Identity Platform or Entra External ID elsewhere), Keycloak run by you, or Auth0."),
  accessTokenTtlS: z.number().int().min(60).max(86400).default(900).describe('Lifetime of access tokens in seconds; short tokens limit what a stolen one is worth, refresh tokens keep users signed in.'),
  mfa: z.enum(['off', 'optional', 'required']).default('optional').describe('Multi-factor authentication at sign-in.'),
});

/** Token-validating values of `auth` on a gateway. */
const TOKEN_AUTH = new Set(['jwt', 'oidc', 'oauth2']);

const identityType = (doc: ArchDocument, choice: z.infer<typeof params>['identityProvider']) =>
  choice === 'keycloak' ? 'keycloak' : choice === 'auth0' ? 'auth0' : doc.constraints.cloud === 'aws' ? 'aws.cognito' : 'auth.oauth';

export default definePattern({
  id: 'oidc-at-the-edge',
  name: 'OIDC tokens validated at the edge',
  category: 'security',
  difficulty: 'intermediate',
  problem:
    'Requests from browsers, apps and partners reach services with nothing on the way checking who sent them, or each service checks credentials its own way. Anyone who finds the URL can call the API, every service re-implements login, and revoking a user or rotating a key means touching every service.',
  solution:
    'An identity provider signs users (and partner systems, with the client-credentials grant) in over OpenID Connect and issues short-lived signed access tokens (JWTs). The API gateway validates every request\'s token against the provider\'s published keys (JWKS, cached and refreshed on rotation): signature, issuer, audience, expiry and scopes, before routing; only sign-in and health routes pass anonymously. Services receive verified claims (user id, tenant, scopes) in headers and authorise on them, and never see passwords.',
  tradeoffs: {
    latency: 'Local JWT validation costs well under 1 ms per request at the gateway (the JWKS is cached); sign-in and token refresh are extra round trips to the provider, once per session and once per token lifetime.',
    consistency: 'Self-contained tokens stay valid until they expire: revoking a user takes effect after at most the access-token lifetime (15 minutes by default here), unless the gateway also checks a revocation list.',
    cost: 'Managed identity bills per monthly active user (Cognito Essentials and Identity Platform charge cents per MAU above their free tiers; Auth0 by MAU band), so a 100,000-MAU consumer app pays hundreds to a few thousand dollars a month; Keycloak costs its compute plus a database and an on-call.',
    operations: 'The provider becomes a dependency of every sign-in: its availability and key rotation must be monitored; client registrations, scopes and redirect URIs have to be managed as code.',
  },
  avoidWhen:
    'The API is internal and called only by our own workloads (use mTLS or IAM identities instead of user tokens), or the callers are a few server-to-server partners better served by signed requests or mTLS than by an OAuth flow.',
  addresses: ['auth'],
  params,
  appliesTo(doc, selection) {
    const ctx = patternContext(doc);
    const targets: PatternTarget[] = [];
    const idps = ctx.withRole('auth-provider');
    for (const finding of ruleFindings(doc, 'auth')) {
      if (!finding.fix) continue;
      const entry = finding.components[0]!;
      if (ctx.hasRole(entry, 'datastore')) continue; // a store open to the internet needs taking off it, not a token check
      const clients = [...new Set(doc.connections.filter((c) => finding.connections.includes(c.id)).map((c) => c.from))];
      const rate = ctx.peakRps(entry);
      const where = ctx.hasRole(entry, 'gateway') ? `${ctx.name(entry)} forwards` : ctx.hasRole(entry, 'edge') ? `${ctx.name(entry)} passes` : `${ctx.name(entry)} takes`;
      targets.push({
        components: [entry, ...clients],
        connections: finding.connections,
        reason: `${where} ${clients.length > 0 ? `requests from ${names(clients.map((id) => ctx.name(id)))}` : 'internet traffic'}${rate > 0 ? ` (~${fmt(rate)} requests/s at peak)` : ''} with no token check on the way; ${idps.length > 0 ? `${ctx.name(idps[0]!)} already signs users in, but nothing validates its tokens` : 'there is no identity provider to issue tokens either'}.`,
      });
    }
    // gateways that validate tokens some of their clients have no way to obtain: no identity provider, or none they talk to
    for (const id of ctx.withRole('gateway')) {
      if (!TOKEN_AUTH.has(ctx.config(id).auth as string)) continue;
      const orphans = [...new Set(ctx.incoming(id).filter((c) => ctx.hasRole(c.from, 'entrypoint')).map((c) => c.from))].filter(
        (client) => !ctx.outgoing(client).some((c) => ctx.hasRole(c.to, 'auth-provider')),
      );
      if (orphans.length === 0) continue;
      const who = names(orphans.map((c) => ctx.name(c)));
      targets.push({
        components: [id, ...orphans],
        connections: ctx.incoming(id).filter((c) => orphans.includes(c.from)).map((c) => c.id),
        reason:
          idps.length === 0
            ? `${ctx.name(id)} validates ${String(ctx.config(id).auth).toUpperCase()} tokens from ${who}, but no identity provider in the design issues them: sign-in, token lifetime, MFA and its monthly-active-user cost are missing.`
            : `${ctx.name(id)} validates ${String(ctx.config(id).auth).toUpperCase()} tokens, but ${who} ${orphans.length === 1 ? 'gets' : 'get'} none from ${ctx.name(idps[0]!)}: a system calling it needs a client-credentials token from the provider the gateway trusts (or, for signed webhooks, a route that verifies the signature instead).`,
      });
    }
    return inSelection(targets, selection);
  },
  apply(doc, target, options) {
    const p = params.parse(options ?? {});
    const ctx = patternContext(doc);
    const entry = target.components[0]!;
    if (!ctx.component(entry)) throw new Error(`component ${entry} is not in the document`);
    const make = idMaker(doc);
    const ops: Op[] = [];
    let gateSummary = `${ctx.name(entry)} already validates tokens`;
    if (!TOKEN_AUTH.has(ctx.config(entry).auth as string) || !ctx.hasRole(entry, 'gateway')) {
      const finding = ruleFindings(doc, 'auth').find((f) => f.components[0] === entry && f.fix);
      if (!finding?.fix) throw new Error(`nothing lets unauthenticated traffic in at ${entry}`);
      for (const op of finding.fix.ops) {
        if (op.op === 'addComponent') make(op.component.id); // reserve the ids the rule's wiring chose
        ops.push(op);
      }
      gateSummary = finding.fix.summary;
    }

    const clients = target.components.slice(1).filter((id) => ctx.hasRole(id, 'entrypoint'));
    let idp = ctx.withRole('auth-provider')[0];
    let idpSummary = '';
    if (!idp) {
      const type = identityType(doc, p.identityProvider);
      idp = make(type === 'aws.cognito' ? 'cognito' : type === 'auth.oauth' ? 'identity' : type);
      const mau = doc.constraints.traffic?.monthlyActiveUsers;
      const config: Record<string, unknown> = { mfa: p.mfa, ...(mau !== undefined && { monthlyActiveUsers: mau }) };
      if (type === 'auth.oauth') Object.assign(config, { protocol: 'oidc', accessTokenTtlS: p.accessTokenTtlS });
      if (type === 'keycloak') config.replicas = 2;
      const label = { 'aws.cognito': 'Cognito user pool', 'auth.oauth': 'Identity provider', keycloak: 'Keycloak', auth0: 'Auth0' }[type];
      ops.push(
        addComponent({
          id: idp,
          type,
          label,
          config,
          position: near(ctx, clients[0] ?? entry, 0, 140),
          ...(type !== 'auth.oauth' && { notes: `Access tokens live ${p.accessTokenTtlS / 60} minutes; the gateway validates them against the provider's JWKS.` }),
        }),
      );
      idpSummary = ` and ${label} issuing ${p.accessTokenTtlS / 60}-minute OIDC tokens`;
    }
    const linked = new Set(ctx.incoming(idp).map((c) => c.from));
    const fresh = clients.filter((client) => !linked.has(client));
    for (const client of fresh) ops.push(addConnection({ from: client, to: idp, type: 'http' }));
    const idpName = ctx.component(idp) ? ctx.name(idp) : 'it';
    const tokens = fresh.length > 0 && !idpSummary ? `; ${names(fresh.map((c) => ctx.name(c)), 3)} get${fresh.length === 1 ? 's' : ''} tokens from ${idpName}` : '';
    return patternChangeSet('oidc-at-the-edge', `${gateSummary}${idpSummary}${tokens}`, ops);
  },
  preview: {
    backarch: 1,
    name: 'OIDC at the edge',
    description: 'A mobile app calls the API through an API gateway that checks no token: every route is open to anyone who finds the URL.',
    constraints: { cloud: 'aws', region: 'eu-west-1', traffic: { monthlyActiveUsers: 80000 } },
    components: [
      { id: 'mobile', type: 'client.mobile', label: 'Mobile app', position: { x: 0, y: 0 } },
      { id: 'api', type: 'aws.api-gateway', label: 'API', position: { x: 240, y: 0 } },
      { id: 'profiles', type: 'service', label: 'Profiles', config: { personalData: true }, position: { x: 480, y: 0 } },
      { id: 'db', type: 'aws.dynamodb', label: 'Profiles table', position: { x: 720, y: 0 } },
    ],
    connections: [
      { from: 'mobile', to: 'api', type: 'http' },
      { from: 'api', to: 'profiles', type: 'http', config: { timeoutMs: 3000 } },
      { from: 'profiles', to: 'db', type: 'read' },
      { from: 'profiles', to: 'db', type: 'write' },
    ],
  },
});
