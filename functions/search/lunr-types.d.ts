// The part of lunr 2.3.9 this module uses (the package ships no types). Kept narrow on purpose:
// queries are built through Query#term only, never lunr's query-string parser.
declare module 'lunr' {
  namespace lunr {
    class Token {
      constructor(str: string, metadata?: Record<string, unknown>)
      toString(): string
    }
    interface QueryTermOptions {
      fields?: string[]
      boost?: number
      usePipeline?: boolean
      wildcard?: number
      presence?: number
    }
    class Query {
      term(term: string, options?: QueryTermOptions): Query
      static wildcard: { NONE: 0; LEADING: 1; TRAILING: 2 }
      static presence: { OPTIONAL: 1; REQUIRED: 2; PROHIBITED: 3 }
    }
    interface MatchData {
      /** term -> field -> metadata */
      metadata: Record<string, Record<string, unknown>>
    }
    interface Result {
      ref: string
      score: number
      matchData: MatchData
    }
    class Vector {
      elements: number[]
    }
    class TokenSet {
      static fromString(str: string): TokenSet
      intersect(other: TokenSet): TokenSet
      toArray(): string[]
    }
    /** term -> { _index, [field]: { [ref]: metadata } } */
    type Posting = { _index: number } & Record<string, Record<string, unknown>>
    class Index {
      invertedIndex: Record<string, Posting>
      /** `${field}/${ref}` -> the document field's term weights (lunr's BM25, field boost included) */
      fieldVectors: Record<string, Vector>
      tokenSet: TokenSet
      fields: string[]
      query(fn: (query: Query) => void): Result[]
      toJSON(): object
      static load(serialised: object): Index
    }
    class Builder {
      constructor()
      ref(name: string): void
      field(name: string, attributes?: { boost?: number }): void
      tokenizer: (value: unknown, metadata?: Record<string, unknown>) => Token[]
      metadataWhitelist: string[]
      b(value: number): void
      k1(value: number): void
      add(doc: Record<string, unknown>): void
      build(): Index
    }
    function stemmer(token: Token): Token
    function stopWordFilter(token: Token): Token | undefined
  }
  export default lunr
}
