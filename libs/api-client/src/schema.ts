/**
 * The types of the gateway's API, generated from docs/openapi.json by openapi-typescript.
 * Do not edit: `npm run openapi` writes this file again.
 */

export interface paths {
    "/v1/agencies/{agencyCode}/work-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An agency's work queue
         * @description The cases waiting on one agency, oldest submission first, a page at a time (`nextCursor`). The request goes to that agency's own deployment, which decides who may see it: its officers, mall administrators, and the agency's own system (scope `agency:<CODE>:work`). No personal data. The gateway refuses early an officer of another agency and a client without `agency:<CODE>:work` (403).
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
        ProblemCode: "validation_failed" | "unprocessable" | "malformed_json" | "unsupported_media_type" | "payload_too_large" | "bad_request" | "route_not_found" | "application_not_found" | "invalid_tracking_number" | "service_unavailable" | "upstream_timeout" | "not_ready" | "invalid_idempotency_key" | "invalid_cursor" | "forbidden" | "unauthenticated" | "invalid_token" | "rate_limited" | "secret_in_url" | "internal_error";
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
                    /** @description Requests allowed to this caller in the current window */
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
            /** @description Well formed, but a NIK that cannot exist or an unknown service */
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
}
