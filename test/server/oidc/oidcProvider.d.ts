// The small part of oidc-provider 9 the test harness uses (the package ships no types).
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	export interface ProviderContext {
		method: string;
		/** Path as the provider sees it (below the mount path). */
		path: string;
		status: number;
		body: unknown;
		get(field: string): string;
		oidc?: { body?: Record<string, string | string[] | undefined> };
	}

	export interface StoredToken {
		readonly isExpired: boolean;
		destroy(): Promise<void>;
	}

	export interface TokenModel {
		find(value: string): Promise<StoredToken | undefined>;
	}

	export default class Provider {
		constructor(issuer: string, configuration: object);
		readonly issuer: string;
		readonly AccessToken: TokenModel;
		readonly RefreshToken: TokenModel;
		use(middleware: (ctx: ProviderContext, next: () => Promise<void>) => Promise<void>): this;
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
	}
}
