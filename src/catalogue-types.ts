/** Shapes of the generated API catalogue in `src/generated/catalogue.ts`. */

/** One parameter of an API method, with the catalogue's type notation (e.g. `filter<Offer>`). */
export interface ParamSpec {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly enum?: readonly string[];
  /** Contain alias -> model name, for `contain` parameters. */
  readonly containable?: Readonly<Record<string, string>>;
  readonly objectFields?: readonly ParamSpec[];
}

export interface MethodSpec {
  /** The verb the docs assign (GET reads, POST creates, PUT updates). It labels, it does not bind the transport. */
  readonly http: 'GET' | 'POST' | 'PUT' | string;
  readonly params: readonly ParamSpec[];
  readonly returns: string;
  readonly deprecated?: boolean;
  /** True when the method takes a multipart file upload. */
  readonly upload?: boolean;
}

export interface ControllerSpec {
  readonly primaryModel: string | null;
  readonly methods: Readonly<Record<string, MethodSpec>>;
}

export interface FieldSpec {
  /** integer, string, decimal, datetime, date, boolean, array or object. */
  readonly type: string;
  readonly nullable: boolean;
  readonly writable: boolean;
  readonly enum?: readonly string[];
}

export interface ModelSpec {
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

export interface Catalogue {
  readonly controllers: Readonly<Record<string, ControllerSpec>>;
  readonly models: Readonly<Record<string, ModelSpec>>;
}
