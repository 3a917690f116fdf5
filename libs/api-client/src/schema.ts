/**
 * The types of the gateway's API, generated from docs/openapi.json by openapi-typescript.
 * Do not edit: `npm run openapi` writes this file again.
 */

export interface paths {
    "/v1/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that sign access tokens
         * @description RFC 7517 JSON Web Key Set: the key that signs now, the one that will sign next (published an hour ahead), and those that signed tokens still valid. Anyone can verify an access token with it and any JOSE library: EdDSA, `typ: at+jwt`, `iss` this API’s URL, `aud` `satupintu-api`. Cacheable for 5 minutes; fetch it again when a token names a `kid` not in it.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mall's agencies
         * @description Every agency of the mall, by code, with its time zone and whether it is active.
         */
        get: operations["listAgencies"];
        put?: never;
        /**
         * Add an agency
         * @description A mall admin adds an agency to the mall. Intake's catalog receives it (AgencyChanged); an agency deployment for its code can then be started.
         */
        post: operations["createAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pull an agency's new and changed cases
         * @description The feed an agency's own system polls (scope `agency:<CODE>:work`; its officers and mall administrators may read it too): the cases that arrived or moved, in the order those changes were committed, each as it is now. Keep the `cursor` of each answer and pass it as `after` next time: the feed never skips a change committed meanwhile and never repeats a case that has not changed since (ADR 0025). A case that changed twice between two polls appears once, as it is now; its `sequence` says how many records it has, and `GET …/cases/{trackingNo}` has them all. A change shows once every write transaction that began before it in the database server has ended (normally within milliseconds). `more` says there is more to read now. Claims are not changes. Filters keep the cursor: a filtered feed goes on where it stopped. No personal data.
         */
        get: operations["listCaseChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/cases/{trackingNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a case as its agency works it
         * @description Everything the agency works a case with: where it stands (status, sequence, deadline in the agency's time zone, who holds it), its history records, the fee asked and the output issued (from the agency), and the application as intake holds it: who applies (name and NIK, which the agency's officers and system check against the documents; masked for a mall administrator), the form data, and the documents with a link to download each (`GET /v1/documents/{documentId}`, for the agency's officers and system). For the agency's officers, its system (scope `agency:<CODE>:work`) and mall administrators (read only). The agency and intake each decide who may on their own data. A tracking number the agency has no case for, another agency's included, is a 404. Either service away is a 503 naming it: the case is never answered half.
         */
        get: operations["getAgencyCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/cases/{trackingNo}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a case from the work queue
         * @description A verifier or approver of the agency (or its own system) takes a case, so that two do not work on it at once; the work queue shows who holds it. A case another holds is a 409 naming them and until when. A claim left alone lapses after the agency’s `CASE_CLAIM_MINUTES` (30 by default), and anyone may claim the case then; claiming one’s own case again extends it. Claims do not restrict transitions. No body, and no `Idempotency-Key` needed: repeating a claim only extends it.
         */
        post: operations["claimCase"];
        /**
         * Let a claimed case go
         * @description Its holder lets the case go back to the queue. A case another holds is a 409 naming them; a case nobody holds (or whose claim lapsed) is let go already: 204.
         */
        delete: operations["releaseCase"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/cases/{trackingNo}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a case along the workflow
         * @description An officer of the agency, or the agency's own system (scope `agency:<CODE>:work`, acting as verifier and approver), acts on one of its cases (ADR 0019). The request goes to that agency's deployment, which decides in this order: who may (403: a verifier cannot approve, reject or issue; an approver cannot verify), whether the case allows the action now (409 `illegal_transition` naming its current status), and what must come with it (422: a reason to reject or to ask for a revision; the requirement keys to correct). Completing verification also runs the agency's own rules (ADR 0019: Dukcapil serves a registered NIK; DPMPTSP's business services need a business with a valid NIB holding each KBLI the form names in a field of type `kbli`): a rule not met is a 422 `agency_rules_unmet` naming the rule and, per requirement at fault (`applicant`, `business`, a form field), what is wrong, and nothing changes. Where a rule needs the form, the agency asks intake for the case's file as the caller, before it locks the case: while intake is away the answer is 503 naming intake, with `Retry-After`, and nothing changes. `RENEW_PAYMENT` gives a case whose payment code expired unpaid a new code, for the same amount, with a new expiry (ADR 0022): a step recorded in the history that keeps the case `AWAITING_PAYMENT`, on the timeline with the new code; the old code stays refused as expired; a code still valid is not replaced (409 `payment_not_expired`). Allowed, the transition is recorded as the next record of the case’s hash-chained history with the caller, the role it was allowed by, the reason and the time; the deadline of the service's time limit is computed again (it pauses while the case waits on the applicant); and the change goes on the timeline, all in one transaction. No `Idempotency-Key` is needed: a transition creates nothing, and repeating one that was made is answered 409 `illegal_transition`, since the case has moved on.
         */
        post: operations["transitionCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/history-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check every case's history of an agency
         * @description Reads every case of the agency with its history and checks each chain (ADR 0019): a record edited, deleted, repeated or moved breaks it where it happened; a case with fewer records than it counts has lost its last ones. Answers the counts and the broken cases. For the agency's admin and mall admins. It reads the whole history: run it as an audit, not on every page view. The same check runs from the command line: `npm run check:history -- --agency DUKCAPIL`.
         */
        get: operations["checkCaseHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/output-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that sign an agency's outputs
         * @description JWKS-shaped (RFC 7517): every Ed25519 key that ever signed one of the agency’s outputs. A key is never removed, so documents stay verifiable offline for as long as they are valid: find the key whose `kid` is the statement’s `keyId`, and verify the signature (base64url, 64 bytes) over the statement’s UTF-8 bytes with `x`, the raw public key (ADR 0021). Cacheable for 5 minutes. An agency that has issued nothing has no key yet.
         */
        get: operations["getOutputKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/outputs/{documentNo}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an output
         * @description An admin of the agency (`AGENCY_ADMIN`), or a mall admin, withdraws one of its outputs, with a reason: verification answers `REVOKED` from then on (the signature still verifies: the paper is genuine, no longer current). The reason and who revoked are kept by the agency and never shown publicly. Not a creating request, so no `Idempotency-Key`: a repeat is a 409 naming when it was revoked. Irreversible: a mistaken revocation is answered by issuing again.
         */
        post: operations["revokeOutput"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/payments/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Payment callback from the bank or payment gateway
         * @description The bank or payment gateway tells the agency that a fee was paid against a payment code (ADR 0022). No token: the callback is authenticated by its signature. Sign it with the secret the agency shared with you (`PAYMENT_CALLBACK_SECRETS`): `Payment-Timestamp` is the current Unix time in seconds; `Payment-Signature` is `v1=` followed by the lower-case hex HMAC-SHA256, under the secret, of the timestamp, a full stop and the exact bytes of the body (`<timestamp>.<body>`, UTF-8). The body is checked as sent, never re-serialized: sign the bytes you send. A timestamp more than 5 minutes from the agency’s clock is refused. Send `Content-Type: application/json`, at most 8 KiB.
         *
         *     Every callback is recorded, refused ones too. A genuine payment in full and before the code expired moves the case from AWAITING_PAYMENT to IN_REVIEW (`applied`); the same payment told again (same `reference`) is acknowledged with 200 `repeat` and changes nothing, so retry until you get an answer. A refusal is a problem+json: 401 (signature or time), 400 (malformed body), 404 (unknown code), 409 (the code was paid already under another reference: refund it), 422 (wrong amount, or paid after the code expired: refund it). Requests from one address are rate-limited like every anonymous caller.
         */
        post: operations["confirmPaymentCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/services/{serviceCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Publish a service's standard
         * @description An agency admin (or a mall admin) creates or replaces the standard of one of the agency’s services (after PermenPANRB 15/2014). The request goes to that agency’s own deployment, which owns its standards: it stores the next version and tells the mall’s catalog, which shows it within moments (`GET /v1/services/{serviceCode}`). The service code starts with the agency code (`DUKCAPIL-…`). Repeating the same body publishes it again as a new version.
         */
        put: operations["publishServiceStandard"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An agency's webhook subscriptions
         * @description Oldest first, a page at a time (`nextCursor`). Never their secrets. Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        get: operations["listWebhookSubscriptions"];
        put?: never;
        /**
         * Subscribe to an agency's events
         * @description The agency's system is told of its cases' events (`agency.application.status-changed.v1`: no personal data, the same as the event) by a signed POST to `url` (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`; body `{type, timestamp, data}`), one application's events in order, retried with backoff for 24 hours. The answer carries the signing secret, once (kept sealed; a retry under the same `Idempotency-Key` answers it again). Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        post: operations["createWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/webhook-subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook subscription
         * @description Its URL, event types and state. Never its secret. Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        get: operations["getWebhookSubscription"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook subscription
         * @description Gone for good, with its delivery log: what was pending is never sent. To pause, disable it instead. Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        delete: operations["deleteWebhookSubscription"];
        options?: never;
        head?: never;
        /**
         * Disable or enable a webhook subscription
         * @description Disabled, nothing more is enqueued or sent for it, and what was pending waits; enabled again, what waited goes out (in order), and new events are enqueued again. Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        patch: operations["updateWebhookSubscription"];
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/webhook-subscriptions/{subscriptionId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook subscription's delivery log
         * @description Its deliveries, newest first, a page at a time (`nextCursor`), optionally only `pending`, `delivered` or `dead` (failed for 24 hours): attempts, the last status or error, when it goes next. Kept 30 days once settled. Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/webhook-subscriptions/{subscriptionId}/deliveries/{deliveryId}/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description Its event goes again, with the same `webhook-id` (receivers deduplicate by it), after whatever its application has pending, with a fresh 24 hours of retries. No body. Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/webhook-subscriptions/{subscriptionId}/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a time range of deliveries again
         * @description Every event first enqueued for the subscription in [`from`, `to`) goes again (each once, in its original order, same `webhook-id`), or only the dead ones (`onlyDead`). Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        post: operations["replayWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/webhook-subscriptions/{subscriptionId}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a webhook subscription a new secret
         * @description Rotation: a new signing secret, answered once. For 24 hours (`previousSecretExpiresAt`) each delivery carries two signatures, one per secret, so the receiver switches without rejecting any. No body. A retry under the same `Idempotency-Key` answers the same secret and rotates nothing. Managed by the agency's admin, a mall admin, or the agency's own system (an API client with `agency:<CODE>:work`); the request goes to that agency's deployment, which decides.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{agencyCode}/work-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An agency's work queue
         * @description The cases of one agency, the nearest deadline first (a paused case, waiting on the applicant, shows the one it would have if the applicant answered now), then those without a deadline, each by submission, a page at a time (`nextCursor`). The request goes to that agency's own deployment, which decides who may see it: its officers, mall administrators, and the agency's own system (scope `agency:<CODE>:work`). No personal data. The gateway refuses early an officer of another agency and a client without `agency:<CODE>:work` (403).
         */
        get: operations["listWorkQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agencies/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an agency
         * @description A mall admin changes the fields given (name, time zone, whether it is active). Every change is a new version, which intake's catalog receives.
         */
        patch: operations["updateAgency"];
        trace?: never;
    };
    "/v1/applicants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register as a citizen
         * @description Opens an applicant account. The NIK is checked as intake checks it (its region must exist, its birth date must be a real date, its serial not 0000) and must agree with the stated birth date and sex; a problem names the part of the NIK that is wrong. A phone (+62…) or an e-mail is needed; each gets a six-digit one-time code to confirm at `POST /v1/applicants/me/verifications` once signed in. The password must be at least 10 characters, not a common one, and not contain the NIK, name, e-mail or phone. One NIK, phone or e-mail opens one account: a second is `409 account_exists`, which does not say which was taken. Under an `Idempotency-Key`, only the very same body (password included) receives the first answer again; the keys are kept per NIK, and a replay sends no new code.
         */
        post: operations["registerApplicant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applicants/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My profile
         * @description The signed-in applicant's profile: name, birth date, sex, contacts and whether they are verified, address. The NIK is masked.
         */
        get: operations["getMyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my profile
         * @description Changes the fields given (address, phone, e-mail, a corrected name); the others stay. Each change makes a new version of the profile, which every agency that serves the applicant receives (once-only data: nobody has to submit it again). A new phone or e-mail is unverified and gets a code.
         */
        patch: operations["updateMyProfile"];
        trace?: never;
    };
    "/v1/applicants/me/verification-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send me a new code
         * @description Sends a new six-digit code to the phone or e-mail of the profile, when the last one expired or never arrived; the codes sent before stop working. At most one a minute per contact (429 with `Retry-After`); a contact already verified needs none (409).
         */
        post: operations["sendVerificationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applicants/me/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm my phone or e-mail
         * @description Confirms the six-digit code sent to the phone or e-mail. A code is good for 15 minutes and 5 tries; a wrong, expired or exhausted code is one answer (`422 verification_failed`).
         */
        post: operations["confirmVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My applications
         * @description The caller's own applications, newest first, a page at a time (`nextCursor`): a signed-in applicant's, or those an API client with `applications:read` submitted. Officers work from their agency's queue instead.
         */
        get: operations["listApplications"];
        put?: never;
        /**
         * Submit an application
         * @description Intake checks the NIK (region, birth date, serial), the service code, and the `form` against the service's standard (`GET /v1/services/{serviceCode}`), stores the application and answers with its tracking number. The owning agency picks it up and starts verifying it; its timeline can answer 404 for a moment after the 201, until the tracking service has caught up. The body must be JSON (`Content-Type: application/json`), at most 64 KiB; unknown fields are refused. Send an `Idempotency-Key` to make a retry safe: it never submits twice.
         */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{trackingNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My application
         * @description What was submitted and where it stands, to its applicant (or the API client with `applications:read` that submitted it). Anyone else is answered 404, as for a number nobody has. The status is intake's, a moment behind the agency's timeline.
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{trackingNo}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send corrections after NEEDS_REVISION
         * @description When the agency sent the application back (`NEEDS_REVISION`), its applicant (or the API client with `applications:submit` that submitted it) sends only what was corrected: `form` fields, merged over the stored form and checked again against the service’s standard as a whole, and `documents`, each replacing the document attached for its requirement. At least one of them. Everything is applied together or not at all, and the owning agency is told (the event names what changed, never the values). The status stays `NEEDS_REVISION`, with `resubmittedAt`, until the agency takes the case up again (`VERIFYING` on the timeline); more corrections may be sent meanwhile. Send an `Idempotency-Key` to make a retry safe.
         */
        post: operations["resubmitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{trackingNo}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow an application
         * @description Every status the application has had, from every agency, oldest first, and its current status. The tracking number may be typed with hyphens, spaces and lower case, and `I`, `L`, `O` for `1`, `1`, `0`; a mistyped one is caught by its check symbol (400) instead of finding another case.
         */
        get: operations["getApplicationTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{trackingNo}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw my application
         * @description The applicant withdraws their application while no decision is made (before APPROVED, ISSUED or REJECTED); the owning agency is told. Withdrawing is final. No body.
         */
        post: operations["withdrawApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in as a person
         * @description An applicant signs in with their NIK or e-mail, an officer with their username, and a password. The answer has an access token (15 minutes; send it as `Authorization: Bearer`) and a refresh token (30 days, single use: `POST /v1/oauth/token` with `grant_type=refresh_token`). Every refusal reads the same, whether the account exists or not. After 5 failed attempts within 15 minutes the account (or the unknown identifier) is locked for 15 minutes: 429 with `Retry-After`, the password not even checked. API clients use `POST /v1/oauth/token` instead.
         */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere
         * @description Revokes every refresh token of a person: each of their devices signs in again. The person is the holder of the refresh token in the body (it is its own credential: no access token is needed), or, with an empty body, the applicant or officer of the access token sent (`Authorization: Bearer`); neither is a 401. Access tokens already issued stay valid until they expire (at most 15 minutes). A refresh token that is unknown, expired or already revoked changes nothing and is not an error (RFC 7009 §2.2).
         */
        post: operations["logOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password
         * @description The signed-in applicant or officer changes their password. The current password is checked, and a wrong one counts as a failed sign-in (the account locks after 5). The new one must be 10 to 128 characters, not a common password, and not contain the NIK, username, e-mail or name. Every refresh token of the person is revoked: every device signs in again.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bundles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mall's bundles
         * @description Bundles join services of several agencies into one output (start a small business, the birth of a child): one submission, and each step opens at its agency once the steps it depends on are issued. By code, a page at a time (`nextCursor`).
         */
        get: operations["listBundles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bundles/applications/{trackingNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a bundle
         * @description The bundle as one case: its status, and each step with its agency, its status, its own application's tracking number once opened, and its output once issued; when COMPLETED, the joint output; when FAILED, the step and the reason. For its applicant, or the API client that submitted it; anyone else gets the 404 of an unknown number.
         */
        get: operations["getBundleApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bundles/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A bundle
         * @description Its steps, each after those it depends on, with the agency of each.
         */
        get: operations["getBundle"];
        /**
         * Define a bundle
         * @description A mall admin defines the bundle under this code, or redefines it (its version goes up; bundles already submitted keep the steps they were submitted with). The steps must form a DAG through `dependsOn` of services in the catalog, and a step takes as `inputs` only outputs of steps it depends on, directly or through others: a cycle, a self-dependency, an unknown step or an unknown service is a 422 naming the field.
         */
        put: operations["defineBundle"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bundles/{code}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply for a bundle
         * @description One submission for every step: one set of data (`form`) and one set of documents, by the same callers, for the same applicants, through the same channels as a single application. The bundle becomes one case with its own tracking number; the steps that depend on nothing open at once as applications at their agencies, the others when their dependencies are issued, receiving the data, the documents and the upstream outputs without anything entered again. A rejected step fails the bundle and cancels the rest. Each document must be the caller’s own upload, given to nothing else, for a requirement of at least one step’s service, of a type and size it allows; it is then readable by the officers of each step’s agency once that step is open.
         */
        post: operations["submitBundle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/businesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The businesses I own or act for
         * @description Every business the signed-in applicant owns or represents (at most 100), by name.
         */
        get: operations["listMyBusinesses"];
        put?: never;
        /**
         * Register a business I own
         * @description The signed-in applicant registers a business (NIB, name, KBLI 2020 codes, address, NPWP) and becomes its owner. Intake and the agencies receive it, with who acts for it. A NIB registers once.
         */
        post: operations["registerBusiness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/businesses/{businessId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a business I own
         * @description Its owner changes the fields given (name, KBLI codes, address, NPWP); each change is a new version that intake and the agencies receive. A representative is refused (403); to anyone else the business is not there (404).
         */
        patch: operations["updateBusiness"];
        trace?: never;
    };
    "/v1/businesses/{businessId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Let someone act for my business
         * @description Its owner names a registered applicant (by NIK) who may then act for the business as its representative. Intake and the agencies receive the new list of who acts for it. A retry under the same `Idempotency-Key` answers the first answer instead of saying that they act for it already.
         */
        post: operations["addBusinessMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A year's days off
         * @description The national holidays and cuti bersama of one year, as the mall counts working days (Monday to Friday minus these). Public: the decree is. Seeded from each year's joint ministerial decree (SKB); a mall admin keeps it up to date when the decree is amended.
         */
        get: operations["getCalendarYear"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendar/{year}/days-off/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add or replace a day off
         * @description A mall admin adds the day off on this date, or replaces the one there (an SKB amendment renamed it, or made a holiday cuti bersama). A year the calendar does not hold yet starts with it (next year's decree). Each change makes a new version of the year, which reaches every service that computes deadlines; sending the same day off again changes nothing. A Saturday or Sunday is accepted and kept (the decree lists them too), but changes no deadline: weekends are never working days.
         */
        put: operations["putDayOff"];
        post?: never;
        /**
         * Remove a day off
         * @description A mall admin removes the day off on this date (an SKB amendment dropped it): it becomes a working day if it is a weekday. The year gets a new version, which reaches every service that computes deadlines.
         */
        delete: operations["deleteDayOff"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an API client
         * @description A mall admin adds an agency system, a kiosk or the national portal; an agency admin adds their own agency's system. The answer carries the client's secret, once: SatuPintu keeps only its argon2id hash (and, for a retry under the same `Idempotency-Key`, the answer with the secret sealed, for 24 hours). Scopes are checked against the kind (an agency system works only its own agency).
         */
        post: operations["createApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a client
         * @description Ends the client at once: none of its secrets works any more. Revoking again changes nothing. No body.
         */
        post: operations["revokeApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clients/{clientId}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a client a new secret
         * @description Rotation: a new secret, answered once; the previous ones keep working for 24 hours (`previousSecretsExpireAt`), so the client switches without downtime. No body. A retry under the same `Idempotency-Key` answers the same secret again and rotates nothing.
         */
        post: operations["rotateClientSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a document
         * @description One file (PDF, JPEG or PNG, at most 10 MiB) in the `file` field of a `multipart/form-data` body. Its type is read from its bytes, never from its name or declared type: anything else is a 415. The size is counted while it arrives: the first byte over 10 MiB ends the upload with a 413 and the connection is closed, without reading the rest. The answer names the document by an id, to attach in `documents` of `POST /v1/applications`. A document attached to no application within 24 hours is removed, as is anything a failed upload stored. With an `Idempotency-Key`, a retry of the same file answers the first document and keeps no second copy; another file under the same key is a 422.
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a document
         * @description The bytes of a document, for its uploader, the applicant of the application it is attached to, and the officers and the system (scope `agency:<CODE>:work`) of the agency that owns that application; to anyone else the 404 of an unknown document. `Repr-Digest` (and the older `Digest`) carry its SHA-256.
         */
        get: operations["downloadDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents/{documentId}/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A document’s details
         * @description Type, size, SHA-256 and, once attached, the application and requirement, for those who may download it; the 404 of an unknown document to anyone else.
         */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get an access token (OAuth 2.0 token endpoint)
         * @description RFC 6749, with a form body (`application/x-www-form-urlencoded`). `grant_type=client_credentials` (§4.4): an API client authenticates with HTTP Basic (`client_secret_basic`: id and secret form-urlencoded, joined by `:`, then base64) or with `client_id` and `client_secret` in the form, not both; it gets an access token with its scopes, or those of them it asks for in `scope`. During a secret rotation the old secret works until it expires. `grant_type=refresh_token` (§6): a person trades a refresh token for a new access and refresh token; the old refresh token is used up, and presenting a used one again revokes every token of its family (someone else has a copy): sign in again. Unknown parameters are ignored; repeated ones are refused. Refusals are problem documents that carry RFC 6749's `error` and `error_description` too. A refused refresh token is answered 401 (not 400 as §5.2 has it), like every other refused credential of this API.
         */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List officers
         * @description Officers by username, a page at a time (`nextCursor`). A mall admin sees every one (or one agency’s, with `agencyCode`); an agency admin only their own agency’s.
         */
        get: operations["listOfficers"];
        put?: never;
        /**
         * Add an officer
         * @description A mall admin adds any officer; an agency admin adds officers of their own agency, with agency roles (FRONT_DESK, VERIFIER, APPROVER, AGENCY_ADMIN) only: another agency or MALL_ADMIN/SURVEY_ANALYST is 403.
         */
        post: operations["createOfficer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officers/{officerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change an officer
         * @description Changes the fields given (name, roles, whether they may sign in). To an agency admin, another agency's officers and the mall's own people are not there (404), whether they exist or not.
         */
        patch: operations["updateOfficer"];
        trace?: never;
    };
    "/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The mall's services
         * @description The services of the mall’s active agencies, by code, a page at a time (`nextCursor`), each with its name, description, categories, time limit, fee and channels. Narrow the list by words (`q`, every word found in the code, names or descriptions, in Indonesian or English), by agency and by life event or sector (`category`). Each agency publishes its own services’ standards; the catalog follows them within moments.
         */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{serviceCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A service and its standard
         * @description One service of the catalog with the whole standard its agency published (after PermenPANRB 15/2014): the form’s data fields and the documents to upload, the procedure, the time limit, the fee and its legal basis, the output, the channels and where to complain. An application gives the fields in its `form`.
         */
        get: operations["getService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/verify/{documentNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify an output by its number
         * @description Whether a document is one an agency of the mall issued and still stands by (`VALID`, or `REVOKED`), who issued it, what it is and when, and the signed statement with its Ed25519 signature. The QR code on every output points here. To check a file: compare `sha256sum` of it with `signed.pdfSha256`, and the signature with the agency's output keys (`GET /v1/agencies/{agencyCode}/output-keys`), offline; or send the file to `POST` this address. No personal data: not the holder, not even masked (numbers are sequential), and not why a revoked output was revoked. The holder is on the paper, which `signed.pdfSha256` binds.
         */
        get: operations["verifyOutput"];
        put?: never;
        /**
         * Verify an output’s file
         * @description As `GET`, and whether the PDF sent as the body (`application/pdf`, at most 10 MiB) is this document, byte for byte: `pdf.authentic`. A changed byte anywhere is `digest_mismatch`. The file is hashed here and not kept or passed on: the agency is sent only its SHA-256. Changes nothing, so no `Idempotency-Key`. No personal data: not the holder, not even masked (numbers are sequential), and not why a revoked output was revoked. The holder is on the paper, which `signed.pdfSha256` binds.
         */
        post: operations["verifyOutputFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your webhook subscriptions
         * @description Oldest first, a page at a time (`nextCursor`). Never their secrets. For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        get: operations["listClientWebhookSubscriptions"];
        put?: never;
        /**
         * Subscribe to your events
         * @description The client is told of each new entry on the timeline of every application it submitted (`tracking.application.status-changed.v1`: the entry, with the application id and tracking number; no personal data) by a signed POST to `url` (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`; body `{type, timestamp, data}`), one application's events in order, retried with backoff for 24 hours. The answer carries the signing secret, once (kept sealed; a retry under the same `Idempotency-Key` answers it again). For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        post: operations["createClientWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook subscription
         * @description Its URL, event types and state. Never its secret. For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        get: operations["getClientWebhookSubscription"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook subscription
         * @description Gone for good, with its delivery log: what was pending is never sent. To pause, disable it instead. For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        delete: operations["deleteClientWebhookSubscription"];
        options?: never;
        head?: never;
        /**
         * Disable or enable a webhook subscription
         * @description Disabled, nothing more is enqueued or sent for it, and what was pending waits; enabled again, what waited goes out (in order), and new events are enqueued again. For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        patch: operations["updateClientWebhookSubscription"];
        trace?: never;
    };
    "/v1/webhook-subscriptions/{subscriptionId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A webhook subscription's delivery log
         * @description Its deliveries, newest first, a page at a time (`nextCursor`), optionally only `pending`, `delivered` or `dead` (failed for 24 hours): attempts, the last status or error, when it goes next. Kept 30 days once settled. For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        get: operations["listClientWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-subscriptions/{subscriptionId}/deliveries/{deliveryId}/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again
         * @description Its event goes again, with the same `webhook-id` (receivers deduplicate by it), after whatever its application has pending, with a fresh 24 hours of retries. No body. For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        post: operations["replayClientWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-subscriptions/{subscriptionId}/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a time range of deliveries again
         * @description Every event first enqueued for the subscription in [`from`, `to`) goes again (each once, in its original order, same `webhook-id`), or only the dead ones (`onlyDead`). For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        post: operations["replayClientWebhookDeliveries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-subscriptions/{subscriptionId}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a webhook subscription a new secret
         * @description Rotation: a new signing secret, answered once. For 24 hours (`previousSecretExpiresAt`) each delivery carries two signatures, one per secret, so the receiver switches without rejecting any. No body. A retry under the same `Idempotency-Key` answers the same secret and rotates nothing. For an API client with `applications:read`, on the applications it submitted (for applicants); each client sees and manages only its own subscriptions.
         */
        post: operations["rotateClientWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddBusinessMemberRequest: {
            /**
             * @description NIK of a registered applicant who will act for the business
             * @example 3201014506900001
             */
            nik: string;
        };
        AddressRequest: {
            /**
             * @description Kecamatan code `PP.KK.CC` (idn-area-data)
             * @example 32.01.01
             */
            districtCode: string;
            /**
             * @description Street, number, RT/RW, village
             * @example Jl. Sudirman No. 9, RT 02/RW 05
             */
            line: string;
            /** @example 16914 */
            postalCode?: string;
        };
        AddressResponse: {
            /** @example 32.01.01 */
            districtCode: string;
            /** @example Jl. Sudirman No. 9, RT 02/RW 05 */
            line: string;
            /** @example 16914 */
            postalCode?: string;
        };
        AgenciesResponse: {
            items: components["schemas"]["AgencyResponse"][];
        };
        AgencyCaseResponse: {
            /**
             * @description The agency that keeps the case
             * @example DUKCAPIL
             */
            agencyCode: string;
            /** @description Who applies: their current profile, or the details given at the counter or by the submitting client; absent when neither is known */
            applicant?: components["schemas"]["CaseApplicantResponse"];
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /**
             * Format: uuid
             * @description The business applied for
             */
            businessId?: string;
            /**
             * Format: date-time
             * @description When its last record was written
             * @example 2026-11-23T10:45:12.123+07:00
             */
            changedAt: string;
            /** @example KIOSK */
            channel: components["schemas"]["Channel"];
            /**
             * @description The officer's subject (or the client id of the agency's system) working on the case
             * @example 0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11
             */
            claimedBy?: string;
            /**
             * Format: date-time
             * @description When the claim lapses unless its holder claims the case again
             * @example 2026-11-23T10:45:12.123+07:00
             */
            claimedUntil?: string;
            /**
             * Format: date-time
             * @description The deadline of the service's time limit, in the agency's time zone; while paused, the one it would have if the applicant answered now. Absent when the agency states no time limit.
             * @example 2026-11-23T10:45:12.123+07:00
             */
            deadline?: string;
            /** @description The uploaded documents it holds, by requirement */
            documents: components["schemas"]["CaseDocumentResponse"][];
            /**
             * @description The data fields of the service's standard as submitted, with any resubmission's corrections merged; empty when none were given
             * @example {
             *       "childName": "Putri Rahayu",
             *       "childSex": "PEREMPUAN",
             *       "birthDate": "2026-11-20",
             *       "birthPlace": "Cibinong",
             *       "motherNik": "3201014506900001",
             *       "marriageRecorded": true
             *     }
             */
            form: {
                [key: string]: string | number | boolean;
            };
            /** @description Its history records in order (the latest 500) */
            history: components["schemas"]["CaseHistoryEntryResponse"][];
            /** @description The output issued, if any */
            output?: components["schemas"]["CaseOutputResponse"];
            /**
             * @description The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT)
             * @example false
             */
            paused: boolean;
            /** @description The fee asked, if any */
            payment?: components["schemas"]["CasePaymentResponse"];
            /**
             * Format: date-time
             * @description When the agency received it, in its time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            receivedAt: string;
            /**
             * @description The number of its last history record
             * @example 1
             */
            sequence: number;
            /** @example DUKCAPIL-KK */
            serviceCode: string;
            /** @example VERIFYING */
            status: components["schemas"]["ApplicationStatus"];
            /**
             * Format: date-time
             * @description When it was submitted, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            submittedAt: string;
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        AgencyResponse: {
            /** @example true */
            active: boolean;
            /** @example DUKCAPIL */
            code: string;
            /** @example Dinas Kependudukan dan Pencatatan Sipil */
            name: string;
            /** @example Asia/Jakarta */
            timeZone: components["schemas"]["AgencyTimeZone"];
            /**
             * @description Grows with every change
             * @example 1
             */
            version: number;
        };
        /** @enum {string} */
        AgencyTimeZone: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
        ApiClientCreatedResponse: {
            client: components["schemas"]["ApiClientResponse"];
            /**
             * @description Shown this once: SatuPintu keeps only its hash. Store it in a secret manager.
             * @example sps_Hx3V0c9Q2rJmYbT8kP1sLwZ4nE7aFgU6dC5iRoXyMqA
             */
            secret: string;
        };
        /** @enum {string} */
        ApiClientKind: "AGENCY_SYSTEM" | "KIOSK" | "PORTAL";
        ApiClientResponse: {
            /** @example DUKCAPIL */
            agencyCode?: string;
            /** @example dukcapil-simduk */
            clientId: string;
            /** @example AGENCY_SYSTEM */
            kind: components["schemas"]["ApiClientKind"];
            /** @example SIMDUK Dukcapil */
            name: string;
            /**
             * Format: date-time
             * @description When it was revoked
             */
            revokedAt?: string;
            /**
             * @example [
             *       "agency:DUKCAPIL:work"
             *     ]
             */
            scopes: string[];
        };
        /**
         * @description The language updates on their cases are sent in; Indonesian when not given
         * @enum {string}
         */
        ApplicantLanguage: "id" | "en";
        ApplicantProfileResponse: {
            address?: components["schemas"]["AddressResponse"];
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicantId: string;
            /**
             * Format: date
             * @example 1990-06-05
             */
            birthDate: string;
            /**
             * Format: email
             * @example siti@example.id
             */
            email?: string;
            /** @example false */
            emailVerified: boolean;
            /** @example Siti Rahayu */
            name: string;
            /**
             * @description The NIK, masked
             * @example 3201********0001
             */
            nikMasked: string;
            /**
             * @description Indonesian mobile number, E.164 (+62…)
             * @example +6281234567890
             */
            phone?: string;
            /** @example true */
            phoneVerified: boolean;
            /**
             * @description The language updates on their cases are sent in
             * @example id
             */
            preferredLanguage: components["schemas"]["ApplicantLanguage"];
            /**
             * @example F
             * @enum {string}
             */
            sex: "M" | "F";
            /**
             * @description Grows with every change
             * @example 3
             */
            version: number;
        };
        ApplicantRegisteredResponse: {
            /**
             * Format: uuid
             * @description The applicant's id
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicantId: string;
            /**
             * @description Where a one-time code was sent; confirm it at `/v1/applicants/me/verifications`
             * @example [
             *       "EMAIL"
             *     ]
             */
            verificationsSent: ("PHONE" | "EMAIL")[];
        };
        ApplicantRequest: {
            /**
             * Format: date
             * @description Birth date; when given, it must agree with the one the NIK encodes
             * @example 1990-06-05
             */
            birthDate?: string;
            /** @description The applicant's consent to this submission: required when a front-desk officer submits for them (recorded with the application); an API client may give it */
            consent?: components["schemas"]["ConsentRequest"];
            /**
             * @description Full name
             * @example Siti Rahayu
             */
            name: string;
            /**
             * @description NIK, the 16-digit national identity number
             * @example 3201014506900001
             */
            nik: string;
        };
        ApplicationOutputResponse: {
            /**
             * Format: uuid
             * @description The signed PDF, downloadable at GET /v1/documents/{documentId}; absent until the agency has delivered it (a moment after it issued)
             * @example 7b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b
             */
            documentId?: string;
            /**
             * @description The output's number; GET /v1/verify/{number} checks it
             * @example DUKCAPIL-2026-000042
             */
            number: string;
        };
        ApplicationReceiptResponse: {
            /**
             * @description The agency that owns the service
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * Format: uuid
             * @example 0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d
             */
            applicationId: string;
            /** @example KIOSK */
            channel: components["schemas"]["Channel"];
            /** @example DUKCAPIL-KK */
            serviceCode: string;
            /**
             * @example SUBMITTED
             * @enum {string}
             */
            status: "SUBMITTED";
            /**
             * Format: date-time
             * @description When intake accepted it, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            submittedAt: string;
            /**
             * @description Tracking number, check symbol last
             * @example K7M39QX2C
             */
            trackingNo: string;
        };
        ApplicationRequirementsResponse: {
            documents: components["schemas"]["DocumentRequirementStateResponse"][];
            fields: components["schemas"]["FieldRequirementStateResponse"][];
        };
        ApplicationResponse: {
            /**
             * @description The agency that owns the service
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /**
             * Format: uuid
             * @description The business applied for, if any
             */
            businessId?: string;
            /** @example WEB */
            channel: components["schemas"]["Channel"];
            /** @description Once ISSUED: the output the agency issued, its number and its PDF */
            output?: components["schemas"]["ApplicationOutputResponse"];
            /** @description On reading it: the service's requirements and what the application holds of each; absent on a withdrawal and while the service has no published standard */
            requirements?: components["schemas"]["ApplicationRequirementsResponse"];
            /**
             * Format: date-time
             * @description When the applicant last sent corrections after NEEDS_REVISION, in the agency's time zone; the status stays NEEDS_REVISION until the agency takes the case up again
             * @example 2026-11-23T10:45:12.123+07:00
             */
            resubmittedAt?: string;
            /** @example DUKCAPIL-KK */
            serviceCode: string;
            /**
             * @description As intake last heard from the owning agency (a moment behind the agency's timeline), or WITHDRAWN
             * @example VERIFYING
             */
            status: components["schemas"]["ApplicationStatus"];
            /**
             * Format: date-time
             * @description When its status last changed, in the agency's time zone; absent while SUBMITTED
             * @example 2026-11-23T10:45:12.123+07:00
             */
            statusChangedAt?: string;
            /**
             * Format: date-time
             * @description When it was submitted, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            submittedAt: string;
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        /**
         * @description The same vocabulary in every agency. NEEDS_REVISION and AWAITING_PAYMENT wait on the applicant; REJECTED and WITHDRAWN end a case.
         * @enum {string}
         */
        ApplicationStatus: "SUBMITTED" | "VERIFYING" | "NEEDS_REVISION" | "AWAITING_PAYMENT" | "IN_REVIEW" | "APPROVED" | "ISSUED" | "REJECTED" | "WITHDRAWN";
        ApplicationSummaryResponse: {
            /**
             * @description The agency that owns the service
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /** @example WEB */
            channel: components["schemas"]["Channel"];
            /** @example DUKCAPIL-KK */
            serviceCode: string;
            /**
             * Format: date-time
             * @description When it was submitted, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            submittedAt: string;
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        ApplicationsPageResponse: {
            /** @description Newest first */
            items: components["schemas"]["ApplicationSummaryResponse"][];
            /** @description Present when there are more: pass it as `cursor` for the next page */
            nextCursor?: string;
        };
        AttachedDocumentRequest: {
            /**
             * Format: uuid
             * @description A document the caller uploaded (`POST /v1/documents`) and has not attached yet
             * @example 3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80
             */
            documentId: string;
            /**
             * @description The service standard's requirement this document answers
             * @example KTP
             */
            requirement: string;
        };
        BrokenCaseResponse: {
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /**
             * @description The sequence number expected there
             * @example 2
             */
            expectedSequence: number;
            /**
             * @description `hash_mismatch`: the record was edited. `previous_hash_mismatch`: one before it was replaced (its hash recomputed). `sequence_gap`, `sequence_out_of_order`, `sequence_repeated`: records deleted, moved or repeated. `application_mismatch`, `status_discontinuity`: a record of another case, or one not starting where the previous ended. `history_missing`: a case without records. `history_shorter_than_case`: a valid chain shorter than the case counts (its last records deleted).
             * @example hash_mismatch
             */
            problem: components["schemas"]["HistoryProblem"];
            /**
             * @description The sequence number of the first broken record
             * @example 2
             */
            sequence: number;
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        BundleCaseResponse: {
            /**
             * Format: uuid
             * @example 2d7e9c1a-4b3f-4e8d-a5c6-7f8e9d0c1b2a
             */
            bundleCaseId: string;
            /** @example START-SMALL-BUSINESS */
            bundleCode: string;
            channel: components["schemas"]["Channel"];
            /** @description When FAILED: why */
            failure?: components["schemas"]["BundleFailureResponse"];
            /** @description When COMPLETED: the joint output, every step’s output by step key */
            output?: {
                [key: string]: components["schemas"]["IssuedOutputResponse"];
            };
            /** @enum {string} */
            status: "IN_PROGRESS" | "COMPLETED" | "FAILED";
            /** @description Each step after those it depends on */
            steps: components["schemas"]["BundleCaseStepResponse"][];
            /**
             * Format: date-time
             * @example 2026-11-23T03:45:12.123Z
             */
            submittedAt: string;
            /**
             * @description The tracking number of the whole bundle
             * @example K7M39QX2C
             */
            trackingNo: string;
        };
        BundleCaseStepResponse: {
            /** @example DUKCAPIL */
            agencyCode: string;
            /** @description Once opened */
            application?: components["schemas"]["StepApplicationResponse"];
            dependsOn: string[];
            /** @example nib */
            key: string;
            /** @description Once issued */
            output?: components["schemas"]["IssuedOutputResponse"];
            /** @example DPMPTSP-NIB */
            serviceCode: string;
            /**
             * @description WAITING for its dependencies; OPEN as an application at its agency; ISSUED; REJECTED or WITHDRAWN (which fails the bundle); CANCELLED because another step failed it
             * @enum {string}
             */
            status: "WAITING" | "OPEN" | "ISSUED" | "REJECTED" | "WITHDRAWN" | "CANCELLED";
        };
        BundleDocumentRequest: {
            /**
             * Format: uuid
             * @description A document already uploaded
             * @example 3c9a1f4e-2b7d-4e8a-9c6f-5d4e3b2a1f0e
             */
            documentId: string;
            /**
             * @description The requirement it is given for
             * @example KTP
             */
            requirement: string;
        };
        BundleFailureResponse: {
            /** @description The agency's reason */
            reason?: string;
            /**
             * @description The step that failed the bundle
             * @example nib
             */
            step: string;
        };
        BundleResponse: {
            /** @example START-SMALL-BUSINESS */
            code: string;
            descriptionEn?: string;
            descriptionId?: string;
            /** @example Start a small business */
            nameEn: string;
            /** @example Memulai usaha kecil */
            nameId: string;
            /** @description Each step after those it depends on */
            steps: components["schemas"]["BundleStepResponse"][];
            /** @description Bumped by each redefinition */
            version: number;
        };
        BundleStepInputRequest: {
            /**
             * @description The requirement (document kind) of this step's service it stands for
             * @example NIB
             */
            asRequirement: string;
            /**
             * @description The upstream step whose output this step takes
             * @example nib
             */
            fromStep: string;
        };
        BundleStepInputResponse: {
            /** @example NIB */
            asRequirement: string;
            /** @example nib */
            fromStep: string;
        };
        BundleStepRequest: {
            /**
             * @description Steps whose outputs must be issued before this one is opened; none to open at once
             * @example []
             */
            dependsOn: string[];
            /** @description Upstream outputs handed to this step, each as one of its requirements */
            inputs: components["schemas"]["BundleStepInputRequest"][];
            /**
             * @description Unique within the bundle
             * @example nib
             */
            key: string;
            /**
             * @description A service in the mall's catalog
             * @example DPMPTSP-NIB
             */
            serviceCode: string;
        };
        BundleStepResponse: {
            /**
             * @description The agency that owns the service
             * @example DUKCAPIL
             */
            agencyCode: string;
            /** @example [] */
            dependsOn: string[];
            inputs: components["schemas"]["BundleStepInputResponse"][];
            /** @example nib */
            key: string;
            /** @example DPMPTSP-NIB */
            serviceCode: string;
        };
        BundlesPageResponse: {
            /** @description By code */
            items: components["schemas"]["BundleResponse"][];
            /** @description Present when there are more: pass it as `cursor` for the next page */
            nextCursor?: string;
        };
        BusinessMemberResponse: {
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicantId: string;
            /** @example OWNER */
            role: components["schemas"]["BusinessRole"];
        };
        BusinessResponse: {
            address: components["schemas"]["AddressResponse"];
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            businessId: string;
            /**
             * @example [
             *       "56101"
             *     ]
             */
            kbli: string[];
            members: components["schemas"]["BusinessMemberResponse"][];
            /** @example Warung Makan Sejahtera */
            name: string;
            /** @example 9120000000001 */
            nib: string;
            /** @example 012345678901234 */
            npwp?: string;
            /**
             * @description The caller's role in it
             * @example OWNER
             */
            role: components["schemas"]["BusinessRole"];
            /** @example 2 */
            version: number;
        };
        /**
         * @description The caller's role in it
         * @enum {string}
         */
        BusinessRole: "OWNER" | "REPRESENTATIVE";
        BusinessesResponse: {
            items: components["schemas"]["BusinessResponse"][];
        };
        CalendarYearResponse: {
            /** @description In date order. Saturdays and Sundays may appear (the decree lists them); they are never working days anyway. */
            daysOff: components["schemas"]["DayOffResponse"][];
            /**
             * @description The decree (SKB) the year's days off come from, as first loaded
             * @example SKB Menag/Menaker/MenPANRB No. 1017 Tahun 2024, No. 2 Tahun 2024, No. 2 Tahun 2024
             */
            decree?: string;
            /**
             * @description Grows with every change of this year's days off; the services that compute deadlines hold this version
             * @example 2
             */
            version: number;
            /** @example 2025 */
            year: number;
        };
        CaseApplicantResponse: {
            /**
             * Format: date
             * @example 1990-06-05
             */
            birthDate?: string;
            /** @example Siti Rahayu */
            name: string;
            /**
             * @description NIK: whole for the agency's officers and its system, who check it against the documents; masked (`3201********0001`) for a mall administrator
             * @example 3201014506900001
             */
            nik: string;
        };
        CaseChangeResponse: {
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /**
             * Format: date-time
             * @description When its last record was written
             * @example 2026-11-23T10:45:12.123+07:00
             */
            changedAt: string;
            /** @example KIOSK */
            channel: components["schemas"]["Channel"];
            /**
             * Format: date-time
             * @description The deadline of the service's time limit, in the agency's time zone; while paused, the one it would have if the applicant answered now. Absent when the agency states no time limit.
             * @example 2026-11-23T10:45:12.123+07:00
             */
            deadline?: string;
            /**
             * @description The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT)
             * @example false
             */
            paused: boolean;
            /**
             * @description The number of its last history record: a system that saw the case at a lower number reads what happened since in the case’s history
             * @example 1
             */
            sequence: number;
            /** @example DUKCAPIL-KK */
            serviceCode: string;
            /** @example VERIFYING */
            status: components["schemas"]["ApplicationStatus"];
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        CaseChangesPageResponse: {
            /**
             * @description The agency that answered
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * @description Always present: pass it as `after` on the next poll. An answer with no items gives back the cursor it was asked with
             * @example WyI5MDEiLCI2ZjFjMmI0ZS04ZDNhLTRmNWUtOWE3Yi0xYzJkM2U0ZjVhNmIiXQ
             */
            cursor: string;
            /** @description Cases in the order their changes were committed, each as it is now. No personal data: read a case for its applicant, form and documents */
            items: components["schemas"]["CaseChangeResponse"][];
            /**
             * @description More changes are waiting: ask again at once instead of at the next poll
             * @example false
             */
            more: boolean;
        };
        CaseClaimResponse: {
            /**
             * @description The agency that keeps the case
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /**
             * @description The officer's subject (or the client id of the agency's system) working on the case
             * @example 0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11
             */
            claimedBy: string;
            /**
             * Format: date-time
             * @description When the claim lapses unless its holder claims the case again
             * @example 2026-11-23T10:45:12.123+07:00
             */
            claimedUntil: string;
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        CaseDocumentResponse: {
            /**
             * @description As read from its bytes at upload
             * @enum {string}
             */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            /**
             * Format: uuid
             * @example 3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80
             */
            documentId: string;
            /**
             * @description Where to download it (`GET /v1/documents/{documentId}`): the agency's officers and its system may
             * @example /v1/documents/3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80
             */
            href: string;
            /**
             * @description The document kind of the service's standard it was given for
             * @example KK
             */
            requirement: string;
            /** @description SHA-256, hex */
            sha256: string;
            /** @example 482133 */
            size: number;
        };
        CaseHistoryCheckResponse: {
            /**
             * @description The agency checked
             * @example DUKCAPIL
             */
            agencyCode: string;
            /** @description The broken cases, by application id; the first 1000 (`cases - intact` counts them all) */
            broken: components["schemas"]["BrokenCaseResponse"][];
            /**
             * @description Cases checked
             * @example 1523
             */
            cases: number;
            /**
             * Format: date-time
             * @description When the check ended (UTC)
             * @example 2026-12-03T01:00:00.000Z
             */
            checkedAt: string;
            /**
             * @description Cases whose history holds
             * @example 1522
             */
            intact: number;
            /**
             * @description Records read
             * @example 6120
             */
            records: number;
        };
        CaseHistoryEntryResponse: {
            /** @example START_VERIFICATION */
            action: components["schemas"]["WorkflowAction"];
            /**
             * @description Who acted: an officer, the agency's system (an API client), the applicant, or the agency's own process (receipt, a confirmed payment)
             * @example system
             * @enum {string}
             */
            actorKind: "applicant" | "officer" | "client" | "system";
            /**
             * @description The role the action was allowed by
             * @enum {string}
             */
            actorRole?: "VERIFIER" | "APPROVER";
            /**
             * Format: date-time
             * @description When it was recorded
             * @example 2026-11-23T10:45:12.123+07:00
             */
            at: string;
            /** @example SUBMITTED */
            from: components["schemas"]["ApplicationStatus"];
            /** @example The family card is unreadable. */
            reason?: string;
            /**
             * @description For REQUEST_REVISION: the requirement keys to correct
             * @example [
             *       "KK"
             *     ]
             */
            requirements?: string[];
            /** @example 1 */
            sequence: number;
            /** @example VERIFYING */
            to: components["schemas"]["ApplicationStatus"];
        };
        CaseOutputResponse: {
            /**
             * @description The issued output’s number; anyone verifies it at `GET /v1/verify/{documentNo}`
             * @example DUKCAPIL-2026-000042
             */
            documentNo: string;
            /**
             * Format: date-time
             * @example 2026-11-23T10:45:12.123+07:00
             */
            issuedAt: string;
            /**
             * Format: date-time
             * @description Absent unless revoked
             * @example 2026-11-23T10:45:12.123+07:00
             */
            revokedAt?: string;
        };
        CasePaymentResponse: {
            /**
             * @description In whole rupiah
             * @example 1250000
             */
            amount: number;
            /**
             * @description The payment code to pay against: 18 digits, the last a Luhn check digit
             * @example 880800123456789012
             */
            code: string;
            /**
             * @example IDR
             * @enum {string}
             */
            currency: "IDR";
            /**
             * Format: date-time
             * @description A payment after this is refused
             * @example 2026-11-23T10:45:12.123+07:00
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description When the bank confirmed it; absent unpaid
             * @example 2026-11-23T10:45:12.123+07:00
             */
            paidAt?: string;
        };
        CaseResponse: {
            /**
             * @description The agency that keeps the case
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /**
             * Format: date-time
             * @description When this transition was recorded
             * @example 2026-11-23T10:45:12.123+07:00
             */
            changedAt: string;
            /**
             * Format: date-time
             * @description The deadline of the service's time limit, in the agency's time zone; while paused, the one it would have if the applicant answered now. Absent when the agency states no time limit.
             * @example 2026-11-23T10:45:12.123+07:00
             */
            deadline?: string;
            /**
             * @description The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT)
             * @example true
             */
            paused: boolean;
            /** @description On entering AWAITING_PAYMENT: the fee the applicant is asked to pay */
            payment?: components["schemas"]["PaymentDueResponse"];
            /**
             * @description The number of the case's last history record (1 is its receipt); the timeline's status events carry the same numbers
             * @example 2
             */
            sequence: number;
            /** @example DUKCAPIL-AKTA-LAHIR */
            serviceCode: string;
            /** @example NEEDS_REVISION */
            status: components["schemas"]["ApplicationStatus"];
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        CaseTransitionRequest: {
            /**
             * @description What to do. A verifier: `REQUEST_REVISION`, `COMPLETE_VERIFICATION` (to `AWAITING_PAYMENT` when the service charges a fee, else `IN_REVIEW`), `RENEW_PAYMENT` (a new payment code for a case whose code expired unpaid; it stays `AWAITING_PAYMENT`). An approver: `APPROVE`, `REJECT`, `ISSUE`. `START_VERIFICATION` and `CONFIRM_PAYMENT` are the agency's own processes, `RESUBMIT` and `WITHDRAW` the applicant's (through intake).
             * @example REQUEST_REVISION
             */
            action: components["schemas"]["WorkflowAction"];
            /**
             * @description For `COMPLETE_VERIFICATION` of a service whose fee is assessed per case (a building permit by floor area): the amount assessed, in whole rupiah, at least the least the standard states. Required then (422 when missing); refused with any other action or a fixed fee (422 `amount_not_assessed`).
             * @example 1250000
             */
            amount?: number;
            /**
             * @description Why, shown to the applicant on the timeline: required for `REJECT` and `REQUEST_REVISION` (422 when missing or blank), a note otherwise. Trimmed.
             * @example The family card scan is unreadable; upload a clearer one.
             */
            reason?: string;
            /**
             * @description For `REQUEST_REVISION` only: what the applicant must correct, as requirement keys of the service's standard (form field names, document kinds), distinct (422 otherwise).
             * @example [
             *       "KK"
             *     ]
             */
            requirements?: string[];
        };
        ChangePasswordRequest: {
            /**
             * Format: password
             * @description The password now
             * @example kopi-tubruk-di-pagi-hari
             */
            currentPassword: string;
            /**
             * Format: password
             * @description The new password: 10 to 128 characters, not a common one, not containing the NIK, username, e-mail or name
             * @example teh-manis-dan-pisang-goreng
             */
            newPassword: string;
        };
        /**
         * @description Where an application came from: every channel uses the same API
         * @enum {string}
         */
        Channel: "WEB" | "MOBILE" | "COUNTER" | "KIOSK" | "CALL_CENTER" | "PORTAL";
        ConfirmVerificationRequest: {
            /**
             * @description Which contact the code was sent to
             * @example EMAIL
             * @enum {string}
             */
            channel: "PHONE" | "EMAIL";
            /**
             * @description The six digits received
             * @example 482913
             */
            code: string;
        };
        ConsentRequest: {
            /**
             * @description How the applicant agreed: a signed consent form, said aloud to the officer (at the counter or on a recorded call), or an electronic signature on the counter pad
             * @example SIGNED_FORM
             * @enum {string}
             */
            method: "SIGNED_FORM" | "VERBAL" | "ELECTRONIC_SIGNATURE";
            /**
             * @description The signed form's number, or the call's recording reference
             * @example PRS/2026/11/0042
             */
            reference?: string;
        };
        CreateAgencyRequest: {
            /** @example BPJS */
            code: string;
            /** @example BPJS Kesehatan */
            name: string;
            /**
             * @description WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura)
             * @example Asia/Jakarta
             */
            timeZone: components["schemas"]["AgencyTimeZone"];
        };
        CreateApiClientRequest: {
            /**
             * @description The agency an AGENCY_SYSTEM client belongs to
             * @example DUKCAPIL
             */
            agencyCode?: string;
            /**
             * @description The public client id (HTTP Basic user name at the token endpoint)
             * @example dukcapil-simduk
             */
            clientId: string;
            /** @example AGENCY_SYSTEM */
            kind: components["schemas"]["ApiClientKind"];
            /** @example SIMDUK Dukcapil */
            name: string;
            /**
             * @description AGENCY_SYSTEM: `agency:<its CODE>:work`, `applications:read`; KIOSK: `applications:submit`, `applications:read`, `surveys:kiosk`; PORTAL: `applications:submit`, `applications:read`
             * @example [
             *       "agency:DUKCAPIL:work"
             *     ]
             */
            scopes: string[];
        };
        CreateClientWebhookSubscriptionRequest: {
            /**
             * @description The event types to receive; none or empty: all of them
             * @example [
             *       "tracking.application.status-changed.v1"
             *     ]
             */
            eventTypes?: "tracking.application.status-changed.v1"[];
            /**
             * @description Where to POST the events: `https://` without user name or password. In production no loopback, private or link-local address (nor `localhost`) is accepted.
             * @example https://simduk.dukcapil.go.id/satupintu/webhooks
             */
            url: string;
        };
        CreateOfficerRequest: {
            /**
             * @description The officer's agency: needed for agency roles, absent for the mall's own people
             * @example DUKCAPIL
             */
            agencyCode?: string;
            /** @example Budi Santoso */
            name: string;
            /**
             * Format: password
             * @description The first password; the officer changes it after signing in
             * @example kopi tubruk di pagi hari
             */
            password: string;
            /**
             * @description FRONT_DESK, VERIFIER, APPROVER, AGENCY_ADMIN (of an agency); MALL_ADMIN, SURVEY_ANALYST (the mall)
             * @example [
             *       "VERIFIER"
             *     ]
             */
            roles: components["schemas"]["Role"][];
            /**
             * @description What the officer signs in with
             * @example dukcapil.verifier
             */
            username: string;
        };
        CreateWebhookSubscriptionRequest: {
            /**
             * @description The event types to receive; none or empty: all of them
             * @example [
             *       "agency.application.status-changed.v1"
             *     ]
             */
            eventTypes?: "agency.application.status-changed.v1"[];
            /**
             * @description Where to POST the events: `https://` without user name or password. In production no loopback, private or link-local address (nor `localhost`) is accepted.
             * @example https://simduk.dukcapil.go.id/satupintu/webhooks
             */
            url: string;
        };
        /**
         * @description `HOLIDAY`: a national holiday (libur nasional); `CUTI_BERSAMA`: a collective leave day. Both are days off for the mall and its agencies, as the joint decree (SKB) of each year sets them.
         * @enum {string}
         */
        DayOffKind: "HOLIDAY" | "CUTI_BERSAMA";
        DayOffResponse: {
            /**
             * Format: date
             * @example 2025-08-18
             */
            date: string;
            /** @example CUTI_BERSAMA */
            kind: components["schemas"]["DayOffKind"];
            /**
             * @description Its name in English
             * @example Collective leave (cuti bersama): Independence Day
             */
            nameEn: string;
            /**
             * @description Its name in Indonesian
             * @example Cuti Bersama Hari Kemerdekaan Republik Indonesia
             */
            nameId: string;
            /**
             * @description Where it comes from: the decree (SKB) and any amendment, a source page
             * @example SKB No. 933 Tahun 2025, No. 1 Tahun 2025, No. 3 Tahun 2025 (7 Aug 2025)
             */
            note?: string;
        };
        DefineBundleRequest: {
            /** @description What it gives, in English */
            descriptionEn?: string;
            /** @description What it gives, in Indonesian */
            descriptionId?: string;
            /** @description Name in English */
            nameEn: string;
            /** @description Name in Indonesian */
            nameId: string;
            /** @description The steps, a DAG through `dependsOn`, in any order */
            steps: components["schemas"]["BundleStepRequest"][];
        };
        DocumentRequirementStateResponse: {
            /** @description The upload, when ATTACHED */
            document?: components["schemas"]["HeldDocumentResponse"];
            /**
             * Format: uuid
             * @description FROM_STEP: the upstream output's signed PDF, downloadable at GET /v1/documents/{documentId} by the applicant and the officers of this step's agency; absent until the issuing agency has delivered it (a moment after it issued)
             */
            documentId?: string;
            /** @description The bundle step that issued it */
            fromStep?: string;
            /** @description Whether the standard makes it mandatory */
            mandatory: boolean;
            /** @description The number of what that step issued */
            outputNumber?: string;
            /** @description A document kind of the service's standard */
            requirement: string;
            /**
             * @description ATTACHED: an upload is attached for it; FROM_STEP: an upstream step of its bundle issued it; MISSING: nothing yet (the agency asks for a mandatory one while verifying)
             * @enum {string}
             */
            state: "ATTACHED" | "FROM_STEP" | "MISSING";
        };
        DocumentResponse: {
            /**
             * Format: uuid
             * @description The application it is attached to; absent until it is
             * @example 0f5d3c2e-8a41-4b7e-9c1d-2e6f7a8b9c0d
             */
            applicationId?: string;
            /**
             * @description The type its bytes show, whatever its name or declared type said
             * @example application/pdf
             * @enum {string}
             */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            /**
             * Format: date-time
             * @description When it was uploaded (UTC)
             * @example 2026-11-23T03:45:12.123Z
             */
            createdAt: string;
            /**
             * Format: uuid
             * @description Name it by this in `documents` of `POST /v1/applications`
             * @example 3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80
             */
            documentId: string;
            /**
             * @description The requirement it answers on that application
             * @example KTP
             */
            requirement?: string;
            /**
             * @description SHA-256 of its bytes, lower-case hex
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            sha256: string;
            /**
             * @description Bytes
             * @example 482133
             */
            size: number;
        };
        Fee: {
            /**
             * @description In whole rupiah; often 0. When `assessed`, the least it can be
             * @example 0
             */
            amount: number;
            /**
             * @description True when the agency assesses the fee per case (a retribusi by floor area, say)
             * @example false
             */
            assessed: boolean;
            /**
             * @description The rule that sets the fee (or says there is none)
             * @example UU No. 23 Tahun 2006 jo. UU No. 24 Tahun 2013, Pasal 79A
             */
            legalBasis: string;
        };
        FieldProblem: {
            /**
             * @description Stable code of the problem
             * @example nik_format
             */
            code: string;
            /**
             * @description Dotted path into the request body; an unknown field’s name is cut at 64 characters
             * @example applicant.nik
             */
            field: string;
            /**
             * @description The problem in the caller’s language
             * @example NIK harus 16 digit angka
             */
            message: string;
        };
        FieldRequirementStateResponse: {
            /** @description Whether the application gives it */
            given: boolean;
            /** @description A form field of the service's standard */
            name: string;
            /** @description Whether the standard requires it */
            required: boolean;
        };
        FormField: {
            label: components["schemas"]["LabelText"];
            /** @description For `number` only: the largest value */
            max?: number;
            /** @description For `text` only: the longest value (default 1000) */
            maxLength?: number;
            /** @description For `number` only: the smallest value */
            min?: number;
            /**
             * @description The key of this field in an application’s `form`
             * @example motherNik
             */
            name: string;
            /** @description For `enum` only (and required there): the values accepted */
            options?: string[];
            /**
             * @description Whether an application’s form must give it
             * @example true
             */
            required: boolean;
            /**
             * @description What the value is: `text`, `number`, `date` (YYYY-MM-DD), `boolean`, `enum` (one of `options`), `nik` (a NIK that can exist), `nib` (13 digits), `kbli` (5 digits), `npwp` (15 or 16 digits), `phone` (+62… or 08…), `email`
             * @example nik
             */
            type: components["schemas"]["FormFieldType"];
        };
        /**
         * @description What the value is: `text`, `number`, `date` (YYYY-MM-DD), `boolean`, `enum` (one of `options`), `nik` (a NIK that can exist), `nib` (13 digits), `kbli` (5 digits), `npwp` (15 or 16 digits), `phone` (+62… or 08…), `email`
         * @enum {string}
         */
        FormFieldType: "text" | "number" | "date" | "boolean" | "enum" | "nik" | "nib" | "kbli" | "npwp" | "phone" | "email";
        HeldDocumentResponse: {
            /**
             * @description As read from its bytes at upload
             * @enum {string}
             */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            /**
             * Format: uuid
             * @example 3d0c8f6e-7a51-4b8e-9c1f-6a2b4d5e7f80
             */
            documentId: string;
            /** @description SHA-256, hex */
            sha256: string;
            /** @example 482133 */
            size: number;
        };
        /**
         * @description `hash_mismatch`: the record was edited. `previous_hash_mismatch`: one before it was replaced (its hash recomputed). `sequence_gap`, `sequence_out_of_order`, `sequence_repeated`: records deleted, moved or repeated. `application_mismatch`, `status_discontinuity`: a record of another case, or one not starting where the previous ended. `history_missing`: a case without records. `history_shorter_than_case`: a valid chain shorter than the case counts (its last records deleted).
         * @enum {string}
         */
        HistoryProblem: "hash_mismatch" | "previous_hash_mismatch" | "sequence_gap" | "sequence_out_of_order" | "sequence_repeated" | "application_mismatch" | "status_discontinuity" | "history_missing" | "history_shorter_than_case";
        IssuedOutputResponse: {
            /**
             * Format: uuid
             * @description Its file, when the agency attached one
             */
            documentId?: string;
            /**
             * @description The number of what was issued
             * @example 9120001234567
             */
            number: string;
        };
        JwkResponse: {
            /**
             * @description Algorithm
             * @example EdDSA
             * @enum {string}
             */
            alg: "EdDSA" | "ES256";
            /**
             * @description Curve
             * @example Ed25519
             * @enum {string}
             */
            crv?: "Ed25519" | "P-256";
            /**
             * @description Key id, as in the token header
             * @example TkF3n-09qW
             */
            kid: string;
            /**
             * @description Key type (RFC 7517)
             * @example OKP
             * @enum {string}
             */
            kty: "OKP" | "EC";
            /**
             * @example sig
             * @enum {string}
             */
            use: "sig";
            /**
             * @description Public key (base64url)
             * @example TdnevFECdPNaIxyuuYjFiYmrT2L9BNfkz-RaIh2LGug
             */
            x?: string;
            /** @description EC only: y coordinate (base64url) */
            y?: string;
        };
        JwksResponse: {
            /** @description The keys that sign, will sign soon, or signed tokens that are still valid; select one by the token’s `kid` */
            keys: components["schemas"]["JwkResponse"][];
        };
        LabelText: {
            /**
             * @description In English
             * @example Child's name
             */
            en: string;
            /**
             * @description In Indonesian
             * @example Nama anak
             */
            id: string;
        };
        LogInRequest: {
            /**
             * @description An applicant's NIK (16 digits) or e-mail, or an officer's username
             * @example 3201014506900001
             */
            identifier: string;
            /**
             * Format: password
             * @description The password
             * @example kopi-tubruk-di-pagi-hari
             */
            password: string;
        };
        LogOutRequest: {
            /**
             * @description The `refresh_token` of the latest token answer; without it, the person of the access token is signed out
             * @example q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo
             */
            refreshToken?: string;
        };
        LongText: {
            /** @description In English */
            en: string;
            /** @description In Indonesian */
            id: string;
        };
        OfficerResponse: {
            /** @example true */
            active: boolean;
            /** @example DUKCAPIL */
            agencyCode?: string;
            /** @example Budi Santoso */
            name: string;
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            officerId: string;
            /**
             * @example [
             *       "VERIFIER"
             *     ]
             */
            roles: components["schemas"]["Role"][];
            /** @example dukcapil.verifier */
            username: string;
            /** @example 1 */
            version: number;
        };
        OfficersPageResponse: {
            items: components["schemas"]["OfficerResponse"][];
            /** @description Present when there are more: pass it as `cursor` for the next page */
            nextCursor?: string;
        };
        OutputAgencyResponse: {
            /** @example DUKCAPIL */
            code: string;
            /** @example Dinas Kependudukan dan Pencatatan Sipil */
            name: string;
        };
        OutputKeysResponse: {
            /** @example DUKCAPIL */
            agencyCode: string;
            /** @description Every key that ever signed an output of the agency; none is ever removed */
            keys: components["schemas"]["OutputPublicKeyResponse"][];
        };
        OutputPdfCheckResponse: {
            /** @description Whether the PDF sent is the one the agency signed */
            authentic: boolean;
            /**
             * @description When not authentic, the first check that failed: `digest_mismatch` is a different file (a changed byte is enough); the others mean the record does not verify
             * @enum {string}
             */
            reason?: "digest_mismatch" | "wrong_key" | "bad_signature" | "malformed";
        };
        OutputPublicKeyResponse: {
            /** @enum {string} */
            alg: "EdDSA";
            /** @enum {string} */
            crv: "Ed25519";
            /**
             * @description RFC 7638 thumbprint of the key
             * @example mT3d6zq1g2Xo0v8Yk5bN4cR7sW9eL2aH6jF1uP0iQ3M
             */
            kid: string;
            /** @enum {string} */
            kty: "OKP";
            /** @enum {string} */
            use: "sig";
            /**
             * @description The raw 32-byte public key, base64url
             * @example 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo
             */
            x: string;
        };
        OutputServiceResponse: {
            /** @example DUKCAPIL-AKTA-LAHIR */
            code: string;
            name: components["schemas"]["OutputTextResponse"];
        };
        OutputTextResponse: {
            /**
             * @description In English
             * @example Birth Certificate
             */
            en: string;
            /**
             * @description In Indonesian
             * @example Akta Kelahiran
             */
            id: string;
        };
        OutputVerificationResponse: {
            /** @description Who issued it */
            agency: components["schemas"]["OutputAgencyResponse"];
            /**
             * @description The number, as the agency writes it
             * @example DUKCAPIL-2026-000042
             */
            documentNo: string;
            /**
             * Format: date-time
             * @description When it was issued, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            issuedAt: string;
            /** @description Only when a PDF was sent (`POST`): whether it is this document */
            pdf?: components["schemas"]["OutputPdfCheckResponse"];
            /**
             * Format: date-time
             * @description When it was revoked, if it was
             * @example 2026-11-23T10:45:12.123+07:00
             */
            revokedAt?: string;
            /** @description What it is */
            service: components["schemas"]["OutputServiceResponse"];
            /** @description What to check a PDF against offline */
            signed: components["schemas"]["SignedOutputResponse"];
            /**
             * @description `VALID`: issued and standing. `REVOKED`: withdrawn by the agency
             * @example VALID
             * @enum {string}
             */
            status: "VALID" | "REVOKED";
        };
        PasswordChangedResponse: {
            /**
             * @description Refresh tokens revoked: every device signs in again
             * @example 2
             */
            revokedRefreshTokens: number;
        };
        PaymentCallbackRequest: {
            /**
             * @description The amount paid, in whole rupiah: it must be the amount asked for
             * @example 1250000
             */
            amount: number;
            /**
             * Format: date-time
             * @description When it was paid (ISO 8601 with an offset); after the code expired it is refused
             * @example 2026-11-24T09:30:00+07:00
             */
            paidAt: string;
            /**
             * @description The payment code the applicant paid against (18 digits, Luhn-checked)
             * @example 880800123456789012
             */
            paymentCode: string;
            /**
             * @description The payer's own id of the transaction: the same payment told again carries the same one
             * @example BNI-20261124-000123
             */
            reference: string;
        };
        PaymentCallbackResponse: {
            /**
             * @description `applied`: the case goes on to review; `repeat`: told before, nothing changed
             * @example applied
             * @enum {string}
             */
            outcome: "applied" | "repeat";
            /** @example 880800123456789012 */
            paymentCode: string;
        };
        PaymentDueResponse: {
            /**
             * @description In whole rupiah
             * @example 1250000
             */
            amount: number;
            /**
             * @description The payment code to pay against: 18 digits, the last a Luhn check digit
             * @example 880800123456789012
             */
            code: string;
            /**
             * @example IDR
             * @enum {string}
             */
            currency: "IDR";
            /**
             * Format: date-time
             * @description A payment after this is refused
             * @example 2026-11-23T10:45:12.123+07:00
             */
            expiresAt: string;
        };
        Problem: {
            /**
             * @description What went wrong, as a stable code to act on
             * @example validation_failed
             */
            code: components["schemas"]["ProblemCode"];
            /** @example Periksa kolom yang disebutkan di `errors`. */
            detail: string;
            /** @description Every invalid field, for `validation_failed` and `unprocessable`; the first 100 when there are more */
            errors?: components["schemas"]["FieldProblem"][];
            /**
             * @description The request’s path and query, cut when longer than the limit
             * @example /v1/applications
             */
            instance?: string;
            /**
             * @description Quote it when asking for support; the same as the `X-Request-Id` header
             * @example call-center-4711
             */
            requestId?: string;
            /** @example 400 */
            status: number;
            /** @example Data tidak valid */
            title: string;
            /**
             * @description `urn:satupintu:problem:` and the code, with `_` written as `-`
             * @example urn:satupintu:problem:validation-failed
             */
            type: string;
        };
        /**
         * @description Stable problem codes; new ones may be added
         * @enum {string}
         */
        ProblemCode: "validation_failed" | "unprocessable" | "malformed_json" | "unsupported_media_type" | "payload_too_large" | "bad_request" | "route_not_found" | "webhook_subscription_not_found" | "webhook_delivery_not_found" | "application_not_found" | "external_reference_exists" | "application_not_withdrawable" | "application_not_resubmittable" | "illegal_transition" | "agency_rules_unmet" | "payment_callback_unverified" | "payment_code_unknown" | "payment_already_paid" | "payment_amount_mismatch" | "payment_expired" | "payment_not_expired" | "case_claimed" | "document_not_found" | "output_not_found" | "output_already_revoked" | "document_too_large" | "document_type_not_allowed" | "document_missing" | "upload_aborted" | "bundle_not_found" | "bundle_case_not_found" | "account_exists" | "verification_failed" | "verification_code_recent" | "contact_missing" | "contact_verified" | "agency_exists" | "agency_not_found" | "calendar_year_not_found" | "day_off_not_found" | "officer_not_found" | "username_taken" | "client_not_found" | "client_id_taken" | "client_revoked" | "business_not_found" | "business_exists" | "invalid_tracking_number" | "service_unavailable" | "upstream_timeout" | "not_ready" | "invalid_idempotency_key" | "idempotency_key_reused" | "idempotency_key_in_flight" | "idempotency_answer_unavailable" | "invalid_cursor" | "invalid_credentials" | "account_locked" | "invalid_client" | "invalid_grant" | "invalid_scope" | "unsupported_grant_type" | "forbidden" | "unauthenticated" | "invalid_token" | "rate_limited" | "secret_in_url" | "service_not_found" | "internal_error";
        Procedure: {
            /** @description In order */
            steps: components["schemas"]["StepText"][];
        };
        PutDayOffRequest: {
            /** @example CUTI_BERSAMA */
            kind: components["schemas"]["DayOffKind"];
            /**
             * @description Its name in English
             * @example Collective leave (cuti bersama): Independence Day
             */
            nameEn: string;
            /**
             * @description Its name in Indonesian
             * @example Cuti Bersama Hari Kemerdekaan Republik Indonesia
             */
            nameId: string;
            /**
             * @description Where it comes from: the decree (SKB) and any amendment, a source page
             * @example SKB No. 933 Tahun 2025, No. 1 Tahun 2025, No. 3 Tahun 2025 (7 Aug 2025)
             */
            note?: string;
        };
        RegisterApplicantRequest: {
            /**
             * Format: date
             * @description Birth date; it must agree with the one the NIK encodes
             * @example 1990-06-05
             */
            birthDate: string;
            /**
             * Format: email
             * @description E-mail (a phone or an e-mail is needed); gets a code
             * @example siti@example.id
             */
            email?: string;
            /**
             * @description Full name, as on the KTP
             * @example Siti Rahayu
             */
            name: string;
            /**
             * @description NIK, the 16-digit national identity number
             * @example 3201014506900001
             */
            nik: string;
            /**
             * Format: password
             * @description At least 10 characters (a passphrase is best); not a common password, and not containing the NIK, name, username, e-mail or phone
             * @example kopi tubruk di pagi hari
             */
            password: string;
            /**
             * @description Phone (a phone or an e-mail is needed); gets a code
             * @example +6281234567890
             */
            phone?: string;
            /**
             * @description The language updates on their cases are sent in; Indonesian when not given
             * @example id
             */
            preferredLanguage?: components["schemas"]["ApplicantLanguage"];
            /**
             * @description Sex; it must agree with the one the NIK encodes
             * @example F
             * @enum {string}
             */
            sex: "M" | "F";
        };
        RegisterBusinessRequest: {
            address: components["schemas"]["AddressRequest"];
            /**
             * @description KBLI 2020 codes, five digits each
             * @example [
             *       "56101"
             *     ]
             */
            kbli: string[];
            /** @example Warung Makan Sejahtera */
            name: string;
            /**
             * @description NIB, 13 digits
             * @example 9120000000001
             */
            nib: string;
            /**
             * @description NPWP: 15 digits (legacy) or 16
             * @example 012345678901234
             */
            npwp?: string;
        };
        ReplayRangeRequest: {
            /**
             * Format: date-time
             * @description From (inclusive)
             * @example 2026-12-01T00:00:00Z
             */
            from: string;
            /**
             * @description Only the deliveries that are dead
             * @example true
             */
            onlyDead?: boolean;
            /**
             * Format: date-time
             * @description To (exclusive)
             * @example 2026-12-02T00:00:00Z
             */
            to: string;
        };
        RequiredDocument: {
            /**
             * @description The file types accepted, as their bytes show them
             * @example [
             *       "application/pdf",
             *       "image/jpeg",
             *       "image/png"
             *     ]
             */
            allowedTypes: ("application/pdf" | "image/jpeg" | "image/png")[];
            /**
             * @description What the document is, unique within the standard
             * @example SURAT_KETERANGAN_LAHIR
             */
            kind: string;
            label: components["schemas"]["LabelText"];
            /**
             * @description Whether every application must include it
             * @example true
             */
            mandatory: boolean;
            /**
             * @description The largest file accepted, in bytes (at most 10 MiB)
             * @example 2097152
             */
            maxBytes: number;
        };
        ResubmitApplicationRequest: {
            /** @description New documents, at most one per requirement, each uploaded before by the caller and attached nowhere yet: each replaces the document attached for its requirement (the replaced one is detached and removed) */
            documents?: components["schemas"]["AttachedDocumentRequest"][];
            /**
             * @description Only the corrected fields of the service’s standard, by name. They are merged over the form stored at submission and the merged form is checked against the standard (422 naming `form.<name>`), so a field left out keeps its value.
             * @example {
             *       "childName": "Ayu Lestari"
             *     }
             */
            form?: {
                [key: string]: string | number | boolean;
            };
        };
        RevokeOutputRequest: {
            /**
             * @description Why, for the agency’s record (never in the public answer): who asked, what was wrong
             * @example Issued to the wrong holder; reissue requested by the applicant
             */
            reason: string;
        };
        RevokedOutputResponse: {
            /** @example DUKCAPIL-2026-000042 */
            documentNo: string;
            /** @example Issued to the wrong holder */
            reason: string;
            /**
             * Format: date-time
             * @description When it was revoked, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            revokedAt: string;
            /** @description The subject of the admin who revoked it */
            revokedBy: string;
        };
        /**
         * @description FRONT_DESK, VERIFIER, APPROVER, AGENCY_ADMIN (of an agency); MALL_ADMIN, SURVEY_ANALYST (the mall)
         * @enum {string}
         */
        Role: "FRONT_DESK" | "VERIFIER" | "APPROVER" | "AGENCY_ADMIN" | "MALL_ADMIN" | "SURVEY_ANALYST";
        SecretRotatedResponse: {
            /** @example dukcapil-simduk */
            clientId: string;
            /**
             * Format: date-time
             * @description Until then the previous secrets still work; switch before
             * @example 2026-12-03T03:04:05.678Z
             */
            previousSecretsExpireAt: string;
            /**
             * @description Shown this once: SatuPintu keeps only its hash. Store it in a secret manager.
             * @example sps_Hx3V0c9Q2rJmYbT8kP1sLwZ4nE7aFgU6dC5iRoXyMqA
             */
            secret: string;
        };
        SendVerificationCodeRequest: {
            /**
             * @description Which contact to send a new code to
             * @example PHONE
             * @enum {string}
             */
            channel: "PHONE" | "EMAIL";
        };
        /** @enum {string} */
        ServiceCategory: "BUSINESS" | "BIRTH" | "FAMILY" | "HEALTH" | "BUILDING" | "EMPLOYMENT" | "IDENTITY";
        ServiceRequirements: {
            /** @description The documents to upload */
            documents: components["schemas"]["RequiredDocument"][];
            /** @description The data fields of the form */
            fields: components["schemas"]["FormField"][];
        };
        ServiceStandardRequest: {
            /**
             * @description False withdraws the service from the catalog
             * @example true
             */
            active: boolean;
            /**
             * @description The life events and sectors to find the service by
             * @example [
             *       "BIRTH",
             *       "FAMILY"
             *     ]
             */
            categories: ("BUSINESS" | "BIRTH" | "FAMILY" | "HEALTH" | "BUILDING" | "EMPLOYMENT" | "IDENTITY")[];
            /**
             * @description The channels the service takes applications through
             * @example [
             *       "WEB",
             *       "COUNTER"
             *     ]
             */
            channels: ("WEB" | "MOBILE" | "COUNTER" | "KIOSK" | "CALL_CENTER" | "PORTAL")[];
            /** @description Where to complain about the service */
            complaintChannel: components["schemas"]["LongText"];
            description: components["schemas"]["LongText"];
            fee: components["schemas"]["Fee"];
            /** @description The name of the service */
            names: components["schemas"]["LabelText"];
            /** @description What the applicant receives */
            output: components["schemas"]["LabelText"];
            procedure: components["schemas"]["Procedure"];
            requirements: components["schemas"]["ServiceRequirements"];
            /** @description From a complete application to the output */
            timeLimit: components["schemas"]["TimeLimit"];
        };
        ServiceStandardResponse: {
            /**
             * @description False withdraws the service from the catalog
             * @example true
             */
            active: boolean;
            /**
             * @description The agency that owns the service
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * @description The life events and sectors to find the service by
             * @example [
             *       "BIRTH",
             *       "FAMILY"
             *     ]
             */
            categories: ("BUSINESS" | "BIRTH" | "FAMILY" | "HEALTH" | "BUILDING" | "EMPLOYMENT" | "IDENTITY")[];
            /**
             * @description The channels the service takes applications through
             * @example [
             *       "WEB",
             *       "COUNTER"
             *     ]
             */
            channels: ("WEB" | "MOBILE" | "COUNTER" | "KIOSK" | "CALL_CENTER" | "PORTAL")[];
            /** @example DUKCAPIL-AKTA-LAHIR */
            code: string;
            /** @description Where to complain about the service */
            complaintChannel: components["schemas"]["LongText"];
            description: components["schemas"]["LongText"];
            fee: components["schemas"]["Fee"];
            /** @description The name of the service */
            names: components["schemas"]["LabelText"];
            /** @description What the applicant receives */
            output: components["schemas"]["LabelText"];
            procedure: components["schemas"]["Procedure"];
            requirements: components["schemas"]["ServiceRequirements"];
            /** @description From a complete application to the output */
            timeLimit: components["schemas"]["TimeLimit"];
            /**
             * @description Grows by one with every publication of this service’s standard
             * @example 1
             */
            version: number;
        };
        ServiceSummaryResponse: {
            /**
             * @description The agency that owns the service
             * @example DUKCAPIL
             */
            agencyCode: string;
            categories: ("BUSINESS" | "BIRTH" | "FAMILY" | "HEALTH" | "BUILDING" | "EMPLOYMENT" | "IDENTITY")[];
            channels: ("WEB" | "MOBILE" | "COUNTER" | "KIOSK" | "CALL_CENTER" | "PORTAL")[];
            /** @example DUKCAPIL-AKTA-LAHIR */
            code: string;
            description: components["schemas"]["LongText"];
            fee: components["schemas"]["Fee"];
            names: components["schemas"]["LabelText"];
            timeLimit: components["schemas"]["TimeLimit"];
            /**
             * @description Grows by one with every publication of this service’s standard
             * @example 1
             */
            version: number;
        };
        ServicesPageResponse: {
            /** @description By service code */
            items: components["schemas"]["ServiceSummaryResponse"][];
            /** @description Present when there are more services: pass it as `cursor` for the next page */
            nextCursor?: string;
        };
        SignedOutputResponse: {
            /**
             * @description Ed25519 (RFC 8037)
             * @enum {string}
             */
            algorithm: "EdDSA";
            /**
             * @description The `kid` of the agency's output key that signed it (`GET …/output-keys`)
             * @example mT3d6zq1g2Xo0v8Yk5bN4cR7sW9eL2aH6jF1uP0iQ3M
             */
            keyId: string;
            /**
             * @description Lower-case hex SHA-256 of the PDF's exact bytes, as `sha256sum` prints it
             * @example 3f0a8c1e9b7d6f5e4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f
             */
            pdfSha256: string;
            /** @description Ed25519 over the statement’s bytes, base64url without padding (64 bytes) */
            signature: string;
            /** @description The statement signed, byte for byte (UTF-8): canonical JSON of agencyCode, documentNo, format (`satupintu.output.v1`), issuedAt (UTC), keyId, pdfSha256 and serviceCode */
            statement: string;
        };
        StepApplicationResponse: {
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /**
             * @description The step's own application, followed by its timeline
             * @example K7M39QX2C
             */
            trackingNo: string;
        };
        StepText: {
            /**
             * @description In English
             * @example An officer verifies the birth and records it in SIAK.
             */
            en: string;
            /**
             * @description In Indonesian
             * @example Petugas memverifikasi dan mencatat kelahiran di SIAK.
             */
            id: string;
        };
        SubmitApplicationRequest: {
            /** @description Who applies, when a front-desk officer or an API client submits for them. A signed-in applicant submits for themself and leaves this out. */
            applicant?: components["schemas"]["ApplicantRequest"];
            /**
             * Format: uuid
             * @description A business the applicant owns or represents, when they apply for it
             * @example 0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40
             */
            businessId?: string;
            /**
             * @description Where it came from. Applicants: WEB (default) or MOBILE; front-desk officers: COUNTER (default) or CALL_CENTER; API clients: PORTAL (default), KIOSK, WEB or MOBILE.
             * @example KIOSK
             */
            channel?: components["schemas"]["Channel"];
            /** @description Documents to attach, each uploaded before by the same caller and attached nowhere yet; they are attached together with the application, or not at all */
            documents?: components["schemas"]["AttachedDocumentRequest"][];
            /**
             * @description An API client's own reference for the case (its case number), unique per client: a second application under it is refused with a 409 naming the first one. Not for applicants or officers.
             * @example OSS-2026-000123
             */
            externalReference?: string;
            /**
             * @description The data fields of the service’s standard (`GET /v1/services/{serviceCode}`), by name: a text, number or true/false each, checked against the standard (422 naming `form.<name>`: missing, mistyped, out of range, unknown). At most 100 fields, names of letters and digits starting with a lower-case letter. Left out, the application carries no form data yet: the agency collects it while verifying.
             * @example {
             *       "childName": "Putri Rahayu",
             *       "childSex": "PEREMPUAN",
             *       "birthDate": "2026-11-20",
             *       "birthPlace": "Cibinong",
             *       "motherNik": "3201014506900001",
             *       "marriageRecorded": true
             *     }
             */
            form?: {
                [key: string]: string | number | boolean;
            };
            /**
             * @description Code of a service in the mall's catalog
             * @example DUKCAPIL-KK
             */
            serviceCode: string;
        };
        SubmitBundleRequest: {
            /** @description Who applies, when a front-desk officer or an API client submits for them. A signed-in applicant submits for themself and leaves this out. */
            applicant?: components["schemas"]["ApplicantRequest"];
            /**
             * Format: uuid
             * @description A business the applicant owns or represents, when they apply for it
             * @example 0b6f6f0e-3c1d-4a57-9f3e-2d8c6a1b9e40
             */
            businessId?: string;
            /**
             * @description Where it came from. Applicants: WEB (default) or MOBILE; front-desk officers: COUNTER (default) or CALL_CENTER; API clients: PORTAL (default), KIOSK, WEB or MOBILE.
             * @example KIOSK
             */
            channel?: components["schemas"]["Channel"];
            /** @description The documents, once for every step, each for a requirement */
            documents: components["schemas"]["BundleDocumentRequest"][];
            /**
             * @description The data, once for every step: field name (letters, digits, `_`) to text (at most 2,000 characters), number or true/false
             * @example {
             *       "businessName": "Warung Siti",
             *       "employees": 3,
             *       "homeBased": true
             *     }
             */
            form: {
                [key: string]: string | number | boolean;
            };
        };
        TimeLimit: {
            /** @example WORKING_DAYS */
            unit: components["schemas"]["TimeLimitUnit"];
            /** @example 1 */
            value: number;
        };
        /** @enum {string} */
        TimeLimitUnit: "MINUTES" | "HOURS" | "WORKING_DAYS" | "DAYS";
        TimelineEntryResponse: {
            /**
             * @description The agency that reported it
             * @example DUKCAPIL
             */
            agencyCode: string;
            /**
             * Format: date-time
             * @description When it happened, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            at: string;
            /** @description On `AWAITING_PAYMENT`: the fee to pay at a bank, an ATM or a mobile bank, against this payment code, before it expires */
            payment?: components["schemas"]["PaymentDueResponse"];
            /**
             * @description Why, when the agency gave a reason (a rejection, a revision asked for); cut at 2000 characters
             * @example Foto KTP tidak terbaca
             */
            reason?: string;
            /**
             * @description Its place in the case's history: 0 is the submission, then one more per change. The live stream (`/events`) uses it as the event id, so a client resumes after it.
             * @example 1
             */
            sequence: number;
            /**
             * @description The status it moved to
             * @example VERIFYING
             */
            status: components["schemas"]["ApplicationStatus"];
        };
        TimelineResponse: {
            /** @description Oldest first; the latest 500 when there are more */
            entries: components["schemas"]["TimelineEntryResponse"][];
            /**
             * @description The latest status
             * @example VERIFYING
             */
            status: components["schemas"]["ApplicationStatus"];
            /**
             * @description The tracking number, canonical
             * @example K7M39QX2C
             */
            trackingNo: string;
        };
        TokenRequest: {
            /**
             * @description client_credentials: the client id, when the client does not authenticate with HTTP Basic
             * @example portal-nasional
             */
            client_id?: string;
            /**
             * @description client_credentials: the client secret, when the client does not authenticate with HTTP Basic (`client_secret_post`)
             * @example Zq3v9Hk2Lw8Rt5Yx1Nb7Mc4Pd6Fs0Ga2Jh9Ke3Uw5Ti
             */
            client_secret?: string;
            /**
             * @example client_credentials
             * @enum {string}
             */
            grant_type: "client_credentials" | "refresh_token";
            /**
             * @description refresh_token: the refresh token of the previous answer; it is used up
             * @example q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo
             */
            refresh_token?: string;
            /**
             * @description client_credentials: the scopes wanted, space-separated; absent: all of the client’s
             * @example applications:submit applications:read
             */
            scope?: string;
        };
        TokenResponse: {
            /**
             * @description An RFC 9068 access token (JWT, EdDSA): send it as `Authorization: Bearer`. Verifiable with `GET /v1/.well-known/jwks.json`
             * @example eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCIsImtpZCI6IlRrRjNuLTA5In0.eyJpc3MiOiJodHRwOi8vMTI3LjAuMC4xOjMwMDAiLCJhdWQiOiJzYXR1cGludHUtYXBpIn0.c2lnbmF0dXJl
             */
            access_token: string;
            /**
             * @description Seconds the access token is valid
             * @example 900
             */
            expires_in: number;
            /**
             * @description People only: single use, for `grant_type=refresh_token`; each use answers with a new one. Using one twice revokes them all
             * @example q0Zr3xk8H1wP5mJ2vN7cT4yL9bD6fG0sA3eR8uW1iKo
             */
            refresh_token?: string;
            /**
             * @description Seconds the refresh token is valid
             * @example 2592000
             */
            refresh_token_expires_in?: number;
            /**
             * @description API clients only: the scopes granted, space-separated
             * @example applications:submit applications:read
             */
            scope?: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            token_type: "Bearer";
        };
        UpdateAgencyRequest: {
            /**
             * @description false: the agency leaves the mall (its services close)
             * @example true
             */
            active?: boolean;
            /** @example BPJS Kesehatan */
            name?: string;
            /**
             * @description WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura)
             * @example Asia/Jakarta
             */
            timeZone?: components["schemas"]["AgencyTimeZone"];
        };
        UpdateBusinessRequest: {
            address?: components["schemas"]["AddressRequest"];
            /**
             * @description KBLI 2020 codes, five digits each
             * @example [
             *       "56101"
             *     ]
             */
            kbli?: string[];
            /** @example Warung Makan Sejahtera */
            name?: string;
            /**
             * @description NPWP: 15 digits (legacy) or 16
             * @example 012345678901234
             */
            npwp?: string;
        };
        UpdateOfficerRequest: {
            /**
             * @description false: the officer may no longer sign in
             * @example false
             */
            active?: boolean;
            /** @example Budi Santoso */
            name?: string;
            /**
             * @example [
             *       "VERIFIER"
             *     ]
             */
            roles?: components["schemas"]["Role"][];
        };
        UpdateProfileRequest: {
            /** @description The current address */
            address?: components["schemas"]["AddressRequest"];
            /**
             * Format: email
             * @description A new e-mail: unverified until its code is confirmed
             * @example siti@example.id
             */
            email?: string;
            /**
             * @description A corrected name (for example by court order)
             * @example Siti Rahayu
             */
            name?: string;
            /**
             * @description A new phone: unverified until its code is confirmed
             * @example +6281234567890
             */
            phone?: string;
            /**
             * @description The language updates on their cases are sent in
             * @example id
             */
            preferredLanguage?: components["schemas"]["ApplicantLanguage"];
        };
        UpdateWebhookSubscriptionRequest: {
            /**
             * @description false: nothing more is enqueued or sent for it (what is pending waits); true: it receives again, and what waited goes out
             * @example false
             */
            enabled: boolean;
        };
        VerificationCodeSentResponse: {
            /**
             * @example PHONE
             * @enum {string}
             */
            channel: "PHONE" | "EMAIL";
            /**
             * Format: date-time
             * @description Until when the new code works
             * @example 2026-12-02T03:19:05.678Z
             */
            expiresAt: string;
        };
        VerificationConfirmedResponse: {
            /**
             * @example EMAIL
             * @enum {string}
             */
            channel: "PHONE" | "EMAIL";
            /**
             * Format: date-time
             * @example 2026-12-02T03:04:05.678Z
             */
            verifiedAt: string;
        };
        WebhookDeliveryPageResponse: {
            items: components["schemas"]["WebhookDeliveryResponse"][];
            /** @description Present when there is more */
            nextCursor?: string;
        };
        WebhookDeliveryResponse: {
            /** @example 1 */
            attempts: number;
            /**
             * Format: date-time
             * @example 2026-12-01T03:04:05.700Z
             */
            createdAt: string;
            /** Format: date-time */
            deadAt?: string;
            /** Format: date-time */
            deliveredAt?: string;
            /** @example agency.application.status-changed.v1 */
            eventType: string;
            /**
             * Format: uuid
             * @example 5b7d0c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e
             */
            id: string;
            /** @description Why the last attempt got no answer */
            lastError?: string;
            /** @description The last attempt's HTTP status */
            lastStatus?: number;
            /**
             * Format: date-time
             * @description While pending: when it is tried next
             */
            nextAttemptAt?: string;
            /**
             * Format: date-time
             * @example 2026-12-01T03:04:05.678Z
             */
            occurredAt: string;
            /**
             * @description The application it is about: its deliveries go in order
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            orderingKey: string;
            /**
             * Format: uuid
             * @description The delivery this one replays
             */
            replayOf?: string;
            /**
             * @example delivered
             * @enum {string}
             */
            status: "pending" | "delivered" | "dead";
            /**
             * @description The `webhook-id` header sent: the same on every attempt and on a replay
             * @example msg_7c9e6679742540de944be07fc1f90ae7
             */
            webhookId: string;
        };
        WebhookReplayResponse: {
            /**
             * Format: uuid
             * @description For one delivery: the new delivery
             */
            deliveryId?: string;
            /**
             * @description How many deliveries were enqueued again
             * @example 1
             */
            replayed: number;
        };
        WebhookSubscriptionCreatedResponse: {
            /**
             * Format: date-time
             * @description On a rotation: until then deliveries carry a signature with the previous secret too
             */
            previousSecretExpiresAt?: string;
            /**
             * @description The signing secret (Standard Webhooks): shown in this answer only (and its replays under the same `Idempotency-Key`). Verify each delivery with it, e.g. `new Webhook(secret).verify(body, headers)`.
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1k7JGNvvjss=
             */
            secret: string;
            subscription: components["schemas"]["WebhookSubscriptionResponse"];
        };
        WebhookSubscriptionPageResponse: {
            items: components["schemas"]["WebhookSubscriptionResponse"][];
            /** @description Present when there is more */
            nextCursor?: string;
        };
        WebhookSubscriptionResponse: {
            /**
             * @description An agency's subscription: the agency
             * @example DUKCAPIL
             */
            agencyCode?: string;
            /**
             * @description An API client's subscription: the client
             * @example portal-nasional
             */
            clientId?: string;
            /**
             * Format: date-time
             * @example 2026-12-01T03:04:05.678Z
             */
            createdAt: string;
            /**
             * @description Who made it: `officer:<id>` or `client:<clientId>`
             * @example client:dukcapil-simduk
             */
            createdBy: string;
            /**
             * Format: date-time
             * @description When it was disabled
             */
            disabledAt?: string;
            /** @example true */
            enabled: boolean;
            /**
             * @description Empty: every event type
             * @example []
             */
            eventTypes: string[];
            /**
             * Format: uuid
             * @example 0f8e4a52-6c3d-4e1b-9a2f-7d5c3b1e0a94
             */
            id: string;
            /** @example https://simduk.dukcapil.go.id/satupintu/webhooks */
            url: string;
        };
        WorkQueueItemResponse: {
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /** @example KIOSK */
            channel: components["schemas"]["Channel"];
            /**
             * @description The officer's subject (or the client id of the agency's system) working on the case
             * @example 0b7e7c52-3f7a-4c1e-9d55-2f1f6a0c9e11
             */
            claimedBy?: string;
            /**
             * Format: date-time
             * @description When the claim lapses unless its holder claims the case again
             * @example 2026-11-23T10:45:12.123+07:00
             */
            claimedUntil?: string;
            /**
             * Format: date-time
             * @description The deadline of the service's time limit, in the agency's time zone; while paused, the one it would have if the applicant answered now. Absent when the agency states no time limit.
             * @example 2026-11-23T10:45:12.123+07:00
             */
            deadline?: string;
            /**
             * @description The clock stops while the case waits on the applicant (NEEDS_REVISION, AWAITING_PAYMENT)
             * @example false
             */
            paused: boolean;
            /**
             * Format: date-time
             * @description When the agency received it, in its time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            receivedAt: string;
            /** @example DUKCAPIL-KK */
            serviceCode: string;
            /** @example VERIFYING */
            status: components["schemas"]["ApplicationStatus"];
            /**
             * Format: date-time
             * @description When it was submitted, in the agency's time zone
             * @example 2026-11-23T10:45:12.123+07:00
             */
            submittedAt: string;
            /** @example K7M39QX2C */
            trackingNo: string;
        };
        WorkQueuePageResponse: {
            /**
             * @description The agency that answered
             * @example DUKCAPIL
             */
            agencyCode: string;
            /** @description The nearest deadline first, then the cases without one; each by submission. No personal data */
            items: components["schemas"]["WorkQueueItemResponse"][];
            /** @description Present when there are more cases: pass it as `cursor` for the next page */
            nextCursor?: string;
        };
        /**
         * @description What to do. A verifier: `REQUEST_REVISION`, `COMPLETE_VERIFICATION` (to `AWAITING_PAYMENT` when the service charges a fee, else `IN_REVIEW`), `RENEW_PAYMENT` (a new payment code for a case whose code expired unpaid; it stays `AWAITING_PAYMENT`). An approver: `APPROVE`, `REJECT`, `ISSUE`. `START_VERIFICATION` and `CONFIRM_PAYMENT` are the agency's own processes, `RESUBMIT` and `WITHDRAW` the applicant's (through intake).
         * @enum {string}
         */
        WorkflowAction: "START_VERIFICATION" | "REQUEST_REVISION" | "RESUBMIT" | "COMPLETE_VERIFICATION" | "CONFIRM_PAYMENT" | "RENEW_PAYMENT" | "APPROVE" | "REJECT" | "ISSUE" | "WITHDRAW";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The caller’s request id, or a UUID the gateway minted; quote it for support */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getJwks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set */
            200: {
                headers: {
                    /** @description Public, for 5 minutes */
                    "Cache-Control": string;
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwksResponse"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgencies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agencies */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgenciesResponse"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAgency: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgencyRequest"];
            };
        };
        responses: {
            /** @description Added, at version 1 */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An agency with this code exists; or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCaseChanges: {
        parameters: {
            query?: {
                /** @description Only cases of this service */
                serviceCode?: string;
                /** @description Cases per page */
                limit?: number;
                /** @description The `cursor` of the previous answer, as it was given; left out, the feed starts from the first case the agency has */
                after?: string;
                /** @description Only cases now in these statuses (repeat the parameter, or separate with commas) */
                status?: ("SUBMITTED" | "VERIFYING" | "NEEDS_REVISION" | "AWAITING_PAYMENT" | "IN_REVIEW" | "APPROVED" | "ISSUED" | "REJECTED" | "WITHDRAWN")[];
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that keeps the cases */
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes after the cursor */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseChangesPageResponse"];
                };
            };
            /** @description A malformed agency code, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an officer or the system of this agency, nor a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgencyCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that keeps the cases */
                agencyCode: string;
                /** @description The case’s tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyCaseResponse"];
                };
            };
            /** @description A malformed agency code or a mistyped tracking number */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an officer or the system of this agency, nor a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agency has no case with this tracking number */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that keeps the cases */
                agencyCode: string;
                /** @description The case’s tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claimed (or extended) */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseClaimResponse"];
                };
            };
            /** @description A malformed agency code or a mistyped tracking number */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not move this agency’s cases */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agency has no case with this tracking number */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another officer holds the case (named, with until when) */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that keeps the cases */
                agencyCode: string;
                /** @description The case’s tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Let go: nobody holds the case */
            204: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed agency code or a mistyped tracking number */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not move this agency’s cases */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agency has no case with this tracking number */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another officer holds the case (named, with until when) */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    transitionCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that keeps the cases */
                agencyCode: string;
                /** @description The case’s tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseTransitionRequest"];
            };
        };
        responses: {
            /** @description Recorded: the case as it is now */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not do this action on this agency’s cases: another agency, or the wrong role */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agency has no case with this tracking number */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The case’s current status does not allow the action (it is named), or a renewal of a payment code still valid */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed, but incomplete: no reason where one is required, requirement keys the service does not have, or requirements with another action; or the agency's own rules not met as verification completes */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    checkCaseHistory: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that keeps the cases */
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Checked */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseHistoryCheckResponse"];
                };
            };
            /** @description A malformed agency code */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an admin of this agency, nor a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOutputKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose keys to list */
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agency’s output keys */
            200: {
                headers: {
                    /** @description Public, for 5 minutes */
                    "Cache-Control": string;
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutputKeysResponse"];
                };
            };
            /** @description A malformed agency code */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The mall has no such agency */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeOutput: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that issued the output */
                agencyCode: string;
                /** @description The output’s number; one the agency in the path issued. Read in any case, spaces around it ignored */
                documentNo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeOutputRequest"];
            };
        };
        responses: {
            /** @description Revoked: when, why and by whom, as the agency recorded it */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedOutputResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an admin of this agency, nor a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such output: nobody issued this number, or its agency is not one of the mall’s */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Revoked already */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmPaymentCallback: {
        parameters: {
            query?: never;
            header: {
                /** @description `v1=` and the hex HMAC-SHA256 of `<Payment-Timestamp>.<raw body>` */
                "Payment-Signature": string;
                /** @description Unix time in seconds when the callback was signed */
                "Payment-Timestamp": string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that asked for the fee */
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentCallbackRequest"];
            };
        };
        responses: {
            /** @description Genuine: applied now, or told again */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentCallbackResponse"];
                };
            };
            /** @description A genuine callback whose body is not a payment report (recorded) */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not verified: no signature, a wrong one, or a stale timestamp (recorded) */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agency asked for no payment with this code (recorded) */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Paid already under another reference, or the case no longer awaits payment (recorded) */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A body over 8 KiB (not forwarded) */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A body that is not `application/json` (not forwarded) */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The wrong amount, or paid after the code expired (recorded) */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No PUPR service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The PUPR service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishServiceStandard: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency that owns the service */
                agencyCode: string;
                /** @description The service code, starting with the agency code */
                serviceCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceStandardRequest"];
            };
        };
        responses: {
            /** @description Published: the standard with its new version */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceStandardResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, mistyped, unknown or out of bounds */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an admin of this agency, nor a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed, but the fields do not fit together or the code is another agency’s */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookSubscriptions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of subscriptions */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionPageResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookSubscriptionRequest"];
            };
        };
        responses: {
            /** @description Subscribed; the secret is in this answer only (and in its replays) */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionCreatedResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of an agency's */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of an agency's */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookSubscriptionRequest"];
            };
        };
        responses: {
            /** @description The subscription, as it is now */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of an agency's */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
                /** @description Only deliveries in this state */
                status?: "pending" | "delivered" | "dead";
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPageResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of an agency's */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
                /** @description The subscription */
                subscriptionId: string;
                /** @description The delivery to send again */
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enqueued again */
            202: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of an agency's */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayRangeRequest"];
            };
        };
        responses: {
            /** @description Enqueued again */
            202: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of an agency's */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose events are subscribed to */
                agencyCode: string;
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionCreatedResponse"];
                };
            };
            /** @description A malformed agency code, id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller does not manage this agency's webhooks */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of an agency's */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWorkQueue: {
        parameters: {
            query?: {
                /** @description Only cases of this service */
                serviceCode?: string;
                /** @description Cases per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
                /** @description Only cases in these statuses (repeat the parameter, or separate with commas) */
                status?: ("SUBMITTED" | "VERIFYING" | "NEEDS_REVISION" | "AWAITING_PAYMENT" | "IN_REVIEW" | "APPROVED" | "ISSUED" | "REJECTED" | "WITHDRAWN")[];
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency whose queue to list */
                agencyCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the queue */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkQueuePageResponse"];
                };
            };
            /** @description A malformed agency code, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an officer or the system of this agency */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAgency: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The agency */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgencyRequest"];
            };
        };
        responses: {
            /** @description The agency after the change */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No agency has this code */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerApplicant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterApplicantRequest"];
            };
        };
        responses: {
            /** @description The account is open; codes were sent */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantRegisteredResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An account with this NIK, phone or e-mail exists; or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A NIK that cannot exist or disagrees, no contact, or a weak password; or an `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyProfile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantProfileResponse"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMyProfile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileRequest"];
            };
        };
        responses: {
            /** @description The profile after the change */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantProfileResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The phone or e-mail belongs to another account */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendVerificationCode: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendVerificationCodeRequest"];
            };
        };
        responses: {
            /** @description A new code is on its way */
            202: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationCodeSentResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The profile has no such contact, or it is verified already */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A code went to this contact less than a minute ago */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmVerification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmVerificationRequest"];
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationConfirmedResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The code is wrong, expired or tried too often */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApplications: {
        parameters: {
            query?: {
                /** @description Applications per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of applications */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationsPageResponse"];
                };
            };
            /** @description A page size out of range, or a cursor this list did not make */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitApplicationRequest"];
            };
        };
        responses: {
            /** @description Accepted: the receipt, with the tracking number to follow the application by */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description The timeline of the new application */
                    Location: string;
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationReceiptResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, mistyped or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API client's `externalReference` names an application it submitted before (its tracking number given); or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed, but a NIK that cannot exist, an unknown service, form data the service's standard refuses, documents the caller cannot attach, or a front-desk submission without the applicant's consent; or an `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationResponse"];
                };
            };
            /** @description The tracking number is mistyped: its check symbol does not match */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application of the caller has this tracking number */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resubmitApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResubmitApplicationRequest"];
            };
        };
        responses: {
            /** @description Corrections received: the application, still NEEDS_REVISION, with resubmittedAt */
            200: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application of the caller has this tracking number */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The application is not awaiting corrections; or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nothing to resubmit, a merged form the service's standard refuses, or documents the caller cannot attach; or an `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplicationTimeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The timeline */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineResponse"];
                };
            };
            /** @description The tracking number is mistyped: its check symbol does not match */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application has this tracking number (yet) */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationResponse"];
                };
            };
            /** @description The tracking number is mistyped: its check symbol does not match */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No application of the caller has this tracking number */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A decision is made, or it is withdrawn already */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logIn: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogInRequest"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    /** @description Tokens are never cached */
                    "Cache-Control": "no-store";
                    /** @description For HTTP/1.0 caches */
                    Pragma: "no-cache";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing or too long */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown identifier, wrong password, or a deactivated officer */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed attempts on this account: locked for a while */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogOutRequest"];
            };
        };
        responses: {
            /** @description Signed out (or there was nothing to sign out) */
            204: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON, or the refresh token is missing or malformed */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No refresh token, and no valid access token of a person */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No refresh token, and the access token of an API client */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed; the refresh tokens are revoked */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordChangedResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing or too long */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is not valid */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An API client: only people have passwords */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The current password is wrong, or the new one is refused by the policy */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong current passwords: the account is locked for a while */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listBundles: {
        parameters: {
            query?: {
                /** @description Bundles per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of bundles */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundlesPageResponse"];
                };
            };
            /** @description A page size out of range, or a cursor this list did not make */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBundleApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The bundle’s tracking number, canonical or as a person types it */
                trackingNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bundle case */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleCaseResponse"];
                };
            };
            /** @description The tracking number is mistyped: its check symbol does not match */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is neither an applicant nor an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bundle case with this number that the caller may see */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getBundle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The bundle */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bundle */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleResponse"];
                };
            };
            /** @description A code that cannot be a bundle’s */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No bundle has this code */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    defineBundle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The bundle */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DefineBundleRequest"];
            };
        };
        responses: {
            /** @description The bundle as stored, steps in dependency order */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a DAG of known services */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitBundle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The bundle */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitBundleRequest"];
            };
        };
        responses: {
            /** @description Accepted: the bundle as one case, its first steps open */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description The bundle case */
                    Location: string;
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BundleCaseResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller may not submit (a verifier, a client without `applications:submit`) */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed, but an unknown bundle, a NIK that cannot exist, data that is not flat, or documents the bundle cannot take; or an `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMyBusinesses: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The businesses */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessesResponse"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerBusiness: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterBusinessRequest"];
            };
        };
        responses: {
            /** @description Registered; the caller is its owner */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The NIB is registered already; or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateBusiness: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The business */
                businessId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateBusinessRequest"];
            };
        };
        responses: {
            /** @description The business after the change */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant, or only represents the business */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a business of the caller */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addBusinessMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The business */
                businessId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddBusinessMemberRequest"];
            };
        };
        responses: {
            /** @description The business with its members */
            200: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BusinessResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an applicant, or only represents the business */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a business of the caller */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Nobody registered has this NIK, or they act for it already; or an `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The calendar year, 2000 to 2100 */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year, its version and its days off */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearResponse"];
                };
            };
            /** @description The year is not four digits from 2000 to 2100 */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The calendar holds no days off for this year yet */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putDayOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The calendar year, 2000 to 2100 */
                year: number;
                /** @description The day, `YYYY-MM-DD`, inside `year` */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutDayOffRequest"];
            };
        };
        responses: {
            /** @description The year after the change, with its new version */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in but is not a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteDayOff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The calendar year, 2000 to 2100 */
                year: number;
                /** @description The day, `YYYY-MM-DD`, inside `year` */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year after the change, with its new version */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearResponse"];
                };
            };
            /** @description The year or the date is malformed, or the date is not in the year */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in but is not a mall admin */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no day off on this date */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiClientRequest"];
            };
        };
        responses: {
            /** @description Added; the secret is in this answer only (and in its replays) */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientCreatedResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin or an agency admin, or asks for what they may not */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client id is taken; or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A scope its kind or agency does not allow, or an unknown agency; or an `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The public client id */
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client, revoked */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientResponse"];
                };
            };
            /** @description A malformed client id */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin or an agency admin, or asks for what they may not */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a client the caller manages */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateClientSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The public client id */
                clientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretRotatedResponse"];
                };
            };
            /** @description A malformed client id or Idempotency-Key */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin or an agency admin, or asks for what they may not */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a client the caller manages */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The client is revoked; or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The document: PDF, JPEG or PNG, at most 10 MiB (10,485,760 bytes)
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored: the id to attach it by, its detected type, its size and SHA-256 */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No file in the body, or the upload was cut off */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is larger than 10 MiB; refused as soon as that is known */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not `multipart/form-data`, or a file whose bytes are not PDF, JPEG or PNG */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The id `POST /v1/documents` answered */
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    /** @description Always an attachment, named by the document id */
                    "Content-Disposition": string;
                    /** @description RFC 3230, for older clients: the same SHA-256 */
                    Digest: string;
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 9530: the SHA-256 of the bytes */
                    "Repr-Digest": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example (the bytes) */
                    "application/pdf": string;
                    /** @example (the bytes) */
                    "image/jpeg": string;
                    /** @example (the bytes) */
                    "image/png": string;
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document, or not one the caller may read */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The id `POST /v1/documents` answered */
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document’s details */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No access token, or one that is invalid or expired */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is signed in, but not one this operation serves */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such document, or not one the caller may read */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description client_secret_basic: `Basic base64(client_id:client_secret)` */
                Authorization?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The token answer (RFC 6749 §5.1) */
            200: {
                headers: {
                    /** @description Tokens are never cached */
                    "Cache-Control": "no-store";
                    /** @description For HTTP/1.0 caches */
                    Pragma: "no-cache";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description `invalid_request` (a missing or repeated parameter), `unsupported_grant_type` or `invalid_scope` */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `invalid_client`: unknown or revoked client, wrong or expired secret; `invalid_grant`: a refresh token that is unknown, expired, revoked, or used before (its family is now revoked) */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description With `invalid_client`: the Basic challenge */
                    "WWW-Authenticate"?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/x-www-form-urlencoded` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOfficers: {
        parameters: {
            query?: {
                /** @description Officers per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
                /** @description Only this agency's (mall admins; an agency admin always gets their own) */
                agencyCode?: string;
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of officers */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficersPageResponse"];
                };
            };
            /** @description A malformed limit, cursor or agency code */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin or an agency admin, or grants what they may not */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOfficer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOfficerRequest"];
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin or an agency admin, or grants what they may not */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The username is taken; or the first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An agency role without an agency, an unknown agency, or a weak password; or an `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOfficer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The officer */
                officerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOfficerRequest"];
            };
        };
        responses: {
            /** @description The officer after the change */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficerResponse"];
                };
            };
            /** @description The body is not JSON, or a field is missing, malformed or unknown */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid access token */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not a mall admin or an agency admin, or grants what they may not */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an officer the caller manages */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No identity service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The identity service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listServices: {
        parameters: {
            query?: {
                /** @description Words to look for in the code, names and descriptions, in Indonesian or English, ignoring case: a service matches when it holds every word */
                q?: string;
                /** @description Only the services of this agency */
                agency?: string;
                /** @description Only the services for this life event or sector */
                category?: components["schemas"]["ServiceCategory"];
                /** @description Services per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of services */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicesPageResponse"];
                };
            };
            /** @description A filter out of bounds, or a cursor this list did not make */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The service code */
                serviceCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceStandardResponse"];
                };
            };
            /** @description No active service has this code */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No intake service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The intake service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyOutput: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The number printed on the output, or in its QR code. Read in any case, spaces around it ignored */
                documentNo: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The output, and whether it stands */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutputVerificationResponse"];
                };
            };
            /** @description Not a document number (AGENCY-YEAR-NUMBER) */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such output: nobody issued this number, or its agency is not one of the mall’s */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyOutputFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The number printed on the output, or in its QR code. Read in any case, spaces around it ignored */
                documentNo: string;
            };
            cookie?: never;
        };
        /** @description The PDF, exactly as received */
        requestBody: {
            content: {
                "application/pdf": string;
            };
        };
        responses: {
            /** @description The output, and whether the file is it */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutputVerificationResponse"];
                };
            };
            /** @description Not a document number, or no file sent */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such output: nobody issued this number, or its agency is not one of the mall’s */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is larger than 10 MiB: no output is */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/pdf` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No DUKCAPIL service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The DUKCAPIL service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClientWebhookSubscriptions: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of subscriptions */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionPageResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createClientWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateClientWebhookSubscriptionRequest"];
            };
        };
        responses: {
            /** @description Subscribed; the secret is in this answer only (and in its replays) */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionCreatedResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClientWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of your */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteClientWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of your */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateClientWebhookSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookSubscriptionRequest"];
            };
        };
        responses: {
            /** @description The subscription, as it is now */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of your */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClientWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Items per page */
                limit?: number;
                /** @description The `nextCursor` of the previous page, as it was given */
                cursor?: string;
                /** @description Only deliveries in this state */
                status?: "pending" | "delivered" | "dead";
            };
            header?: {
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPageResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of your */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayClientWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The subscription */
                subscriptionId: string;
                /** @description The delivery to send again */
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enqueued again */
            202: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of your */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayClientWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayRangeRequest"];
            };
        };
        responses: {
            /** @description Enqueued again */
            202: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of your */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 64 KiB */
            413: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not sent as `application/json` */
            415: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateClientWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (IETF draft-ietf-httpapi-idempotency-key-header): a new random key (a UUID, say) per intended creation, the same key on every retry of it. The first answer is kept for 24 hours, per caller and operation, and a retry with the same body receives it again, marked `Idempotent-Replayed: true`, creating nothing. The same key with another body is refused (422); a retry while the first request is still at work is a 409, to retry in a moment. A request that was refused (4xx) keeps no key: correct it and send it again with the same key. */
                "Idempotency-Key"?: string;
                /** @description Your id for this request, returned in `X-Request-Id` and in problem documents; one that does not match the pattern is replaced by a UUID */
                "X-Request-Id"?: string;
                /** @description W3C trace context: the request joins this trace; a malformed one starts a new trace */
                traceparent?: string;
                /** @description Language of problem documents: Indonesian (`id`, the default) or English (`en`) */
                "Accept-Language"?: string;
            };
            path: {
                /** @description The subscription */
                subscriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            201: {
                headers: {
                    /** @description Present (`true`) when this is the kept answer of an earlier request with the same `Idempotency-Key`: nothing new was created */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionCreatedResponse"];
                };
            };
            /** @description A malformed id, body, filter or cursor */
            400: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No authenticated caller */
            401: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description RFC 6750 challenge: `Bearer realm="satupintu"`, with `error="invalid_token"` when the token sent was refused */
                    "WWW-Authenticate": string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller is not an API client with `applications:read` */
            403: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such subscription (or delivery) of your */
            404: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The first request with this `Idempotency-Key` is still at work: retry in a moment for its answer */
            409: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An `Idempotency-Key` already used with another body */
            422: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller in the current window */
            429: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds until the window ends: try again then */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No tracking service is answering (it may be restarting); retry after `Retry-After` seconds */
            503: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The tracking service did not answer in time (`NATS_REQUEST_TIMEOUT_MS`); the request may or may not have taken effect */
            504: {
                headers: {
                    /** @description Requests allowed to this caller in the current window */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left to this caller in the current window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until the current window ends and the count starts again */
                    "RateLimit-Reset"?: number;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
