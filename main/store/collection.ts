import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ValidationIssue } from '../../preload/contract';
import { formatPath, StoreError } from './errors';
import { COLLECTIONS } from './schema';
import type { StoreData } from './schema';
import type { SealedSecret } from './secret-box';

/** The entity lists that have CRUD; tokens have their own calls. */
export type EntityKey = 'environments' | 'clients' | 'apps' | 'logins' | 'profiles';

/** What a collection needs from the store that owns it. */
export interface StoreHost {
  readonly data: StoreData;
  /** Persists the next state; the in-memory state changes only once the file write succeeded. */
  commit(next: StoreData): void;
  /** Encrypts a secret, or throws PlainTextSecretsError when saving secrets is not allowed. */
  seal(plain: string): SealedSecret;
}

type Entity = { id: string };
type Fields = Record<string, unknown>;

export interface EntitySpec<S extends Entity, I extends object, V> {
  key: EntityKey;
  /** The product word for one entity, used in messages ("client"). */
  label: string;
  /** Validates a whole input; secret fields are `string | null | undefined` here. */
  input: z.ZodType<I>;
  secretFields: readonly string[];
  view(stored: S): V;
  /** Entities that cannot be edited or deleted (the built-in environments). */
  builtIns?(): V[];
  references?(candidate: S, data: StoreData): ValidationIssue[];
  /** Names of the entities that use this one; a used entity cannot be deleted. */
  usedBy?(id: string, data: StoreData): string[];
  /** The state after the entity is gone (e.g. a profile's tokens go with it). */
  afterDelete?(id: string, data: StoreData): StoreData;
}

function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message }));
}

function invalid(label: string, issues: ValidationIssue[]): StoreError {
  const detail = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return new StoreError('validation', `Check the ${label}: ${detail}.`, issues);
}

/**
 * Create, read, update, delete and duplicate for one entity list. Secret fields in an input
 * follow one rule: undefined keeps the saved value, null or '' clears it, a string replaces it.
 */
export class Collection<S extends Entity, I extends object, V> {
  constructor(
    private readonly host: StoreHost,
    private readonly spec: EntitySpec<S, I, V>,
  ) {}

  private get items(): S[] {
    return this.host.data[this.spec.key] as unknown as S[];
  }

  private isBuiltIn(id: string): boolean {
    return (this.spec.builtIns?.() ?? []).some((item) => (item as Entity).id === id);
  }

  private stored(id: string): S {
    const found = this.items.find((item) => item.id === id);
    if (!found) throw new StoreError('not_found', `No ${this.spec.label} with that id.`);
    return found;
  }

  list(): V[] {
    return [...(this.spec.builtIns?.() ?? []), ...this.items.map((item) => this.spec.view(item))];
  }

  get(id: string): V {
    const builtIn = this.spec.builtIns?.().find((item) => (item as Entity).id === id);
    return builtIn ?? this.spec.view(this.stored(id));
  }

  create(input: I): V {
    const entity = this.build(input, randomUUID(), undefined);
    this.write([...this.items, entity]);
    return this.spec.view(entity);
  }

  /** Changes the fields the patch names; the rest stay as saved. */
  update(id: string, patch: Partial<I>): V {
    return this.save(id, (previous) => ({ ...this.asInput(previous), ...patch }));
  }

  /**
   * Replaces every non-secret field with the input, as a form sends it: an optional field left
   * out is cleared (a profile switched from its app to a login loses the app). Secrets still
   * follow the secret rule, so an omitted secret keeps its saved value.
   */
  replace(id: string, input: I): V {
    return this.save(id, () => input);
  }

  private save(id: string, next: (previous: S) => unknown): V {
    if (this.isBuiltIn(id)) {
      throw new StoreError('forbidden', `A built-in ${this.spec.label} cannot be changed.`);
    }
    const previous = this.stored(id);
    const entity = this.build(next(previous), id, previous);
    this.write(this.items.map((item) => (item.id === id ? entity : item)));
    return this.spec.view(entity);
  }

  /**
   * A copy under a new id, named "<name> (copy)", "<name> (copy 2)", … so copies can be told
   * apart; secrets are copied as ciphertext.
   */
  duplicate(id: string): V {
    const source = this.stored(id) as S & { name?: string };
    const copy = { ...source, id: randomUUID() };
    if (typeof source.name === 'string') copy.name = this.copyName(source.name);
    COLLECTIONS[this.spec.key].parse(copy);
    this.write([...this.items, copy]);
    return this.spec.view(copy);
  }

  private copyName(name: string): string {
    const base = name.replace(/ \(copy(?: \d+)?\)$/, '').slice(0, 188);
    const taken = new Set(this.items.map((item) => (item as { name?: unknown }).name));
    let candidate = `${base} (copy)`;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base} (copy ${n})`;
    return candidate;
  }

  delete(id: string): void {
    if (this.isBuiltIn(id)) {
      throw new StoreError('forbidden', `A built-in ${this.spec.label} cannot be deleted.`);
    }
    this.stored(id);
    const users = this.spec.usedBy?.(id, this.host.data) ?? [];
    if (users.length > 0) {
      throw new StoreError(
        'in_use',
        `This ${this.spec.label} is used by ${users.join(', ')}. Change or delete those first.`,
      );
    }
    const next = { ...this.host.data, [this.spec.key]: this.items.filter((i) => i.id !== id) };
    this.host.commit(this.spec.afterDelete?.(id, next) ?? next);
  }

  private write(items: S[]): void {
    this.host.commit({ ...this.host.data, [this.spec.key]: items });
  }

  private asInput(stored: S): Fields {
    const fields: Fields = { ...stored };
    delete fields.id;
    for (const field of this.spec.secretFields) delete fields[field];
    return fields;
  }

  private build(raw: unknown, id: string, previous: S | undefined): S {
    const parsed = this.spec.input.safeParse(raw);
    if (!parsed.success) throw invalid(this.spec.label, issuesOf(parsed.error));

    const fields: Fields = { ...parsed.data, id };
    const before = (previous ?? {}) as Fields;
    for (const field of this.spec.secretFields) {
      const value = fields[field];
      if (value === undefined && before[field] !== undefined) fields[field] = before[field];
      else if (typeof value === 'string' && value !== '') fields[field] = this.host.seal(value);
      else delete fields[field];
    }

    // The file schema is the last word on shape, so a form can never write what a load drops.
    const entity = COLLECTIONS[this.spec.key].parse(fields) as unknown as S;
    const issues = this.spec.references?.(entity, this.host.data) ?? [];
    if (issues.length > 0) throw invalid(this.spec.label, issues);
    return entity;
  }
}
