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
    "/v1/agencies/{agencyCode}/work-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An agency's work queue
         * @description The cases waiting on one agency, oldest submission first, a page at a time (`nextCursor`). The request goes to that agency's own deployment, which decides who may see it: its officers, mall administrators, and the agency's own system (scope `agency:<CODE>:work`). No personal data. Until authentication arrives (identity), every caller is anonymous and is answered 401.
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
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit an application
         * @description Intake checks the NIK (region, birth date, serial) and the service code, stores the application and answers with its tracking number. The owning agency picks it up and starts verifying it; its timeline can answer 404 for a moment after the 201, until the tracking service has caught up. The body must be JSON (`Content-Type: application/json`), at most 64 KiB; unknown fields are refused.
         */
        post: operations["submitApplication"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApplicantRequest: {
            /**
             * Format: date
             * @description Birth date; when given, it must agree with the one the NIK encodes
             * @example 1990-06-05
             */
            birthDate?: string;
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
        /**
         * @description The same vocabulary in every agency. NEEDS_REVISION and AWAITING_PAYMENT wait on the applicant; REJECTED and WITHDRAWN end a case.
         * @enum {string}
         */
        ApplicationStatus: "SUBMITTED" | "VERIFYING" | "NEEDS_REVISION" | "AWAITING_PAYMENT" | "IN_REVIEW" | "APPROVED" | "ISSUED" | "REJECTED" | "WITHDRAWN";
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
        PasswordChangedResponse: {
            /**
             * @description Refresh tokens revoked: every device signs in again
             * @example 2
             */
            revokedRefreshTokens: number;
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
        ProblemCode: "validation_failed" | "unprocessable" | "malformed_json" | "unsupported_media_type" | "payload_too_large" | "bad_request" | "route_not_found" | "application_not_found" | "invalid_tracking_number" | "service_unavailable" | "upstream_timeout" | "not_ready" | "invalid_idempotency_key" | "invalid_cursor" | "invalid_credentials" | "account_locked" | "invalid_client" | "invalid_grant" | "invalid_scope" | "unsupported_grant_type" | "forbidden" | "unauthenticated" | "internal_error";
        SubmitApplicationRequest: {
            applicant: components["schemas"]["ApplicantRequest"];
            /**
             * @description Where the application came from
             * @default WEB
             * @example KIOSK
             */
            channel?: components["schemas"]["Channel"];
            /**
             * @description Code of a service in the mall's catalog
             * @example DUKCAPIL-KK
             */
            serviceCode: string;
        };
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
            /**
             * @description Why, when the agency gave a reason (a rejection, a revision asked for); cut at 2000 characters
             * @example Foto KTP tidak terbaca
             */
            reason?: string;
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
        WorkQueueItemResponse: {
            /**
             * Format: uuid
             * @example 6f1c2b4e-8d3a-4f5e-9a7b-1c2d3e4f5a6b
             */
            applicationId: string;
            /** @example KIOSK */
            channel: components["schemas"]["Channel"];
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
            /** @description Oldest submission first; no personal data */
            items: components["schemas"]["WorkQueueItemResponse"][];
            /** @description Present when there are more cases: pass it as `cursor` for the next page */
            nextCursor?: string;
        };
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
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwksResponse"];
                };
            };
            /** @description The gateway failed; the answer carries an error id to quote */
            500: {
                headers: {
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
                    /** @description The timeline of the new application */
                    Location: string;
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
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Well formed, but a NIK that cannot exist or an unknown service */
            422: {
                headers: {
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
                    /** @description Seconds until the account is unlocked */
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
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is not JSON, or the refresh token is missing or malformed */
            400: {
                headers: {
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
                    /** @description Seconds until the account is unlocked */
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
