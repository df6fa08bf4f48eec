import { splitSqlStatements } from './split-sql-statements';

describe('splitSqlStatements', () => {
  it('splits statements at semicolons ending lines and drops the empty tail', () => {
    const sql = 'CREATE TABLE a (x UInt8) ENGINE = Memory;\nCREATE TABLE b (x UInt8) ENGINE = Memory;\n';
    expect(splitSqlStatements(sql)).toEqual([
      'CREATE TABLE a (x UInt8) ENGINE = Memory',
      'CREATE TABLE b (x UInt8) ENGINE = Memory',
    ]);
  });

  it('keeps a final statement without a semicolon', () => {
    expect(splitSqlStatements('SELECT 1;\nSELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('ignores semicolons inside string literals, with escaped and doubled quotes', () => {
    const sql = "INSERT INTO t VALUES ('a;b', 'it\\'s; fine', 'say ''hi;''');\nSELECT 2;";
    expect(splitSqlStatements(sql)).toEqual([
      "INSERT INTO t VALUES ('a;b', 'it\\'s; fine', 'say ''hi;''')",
      'SELECT 2',
    ]);
  });

  it('ignores semicolons inside quoted identifiers', () => {
    expect(splitSqlStatements('SELECT 1 AS "a;b", 2 AS `c;d`;\nSELECT 3;')).toEqual([
      'SELECT 1 AS "a;b", 2 AS `c;d`',
      'SELECT 3',
    ]);
  });

  it('ignores semicolons inside comments and drops comment-only pieces', () => {
    const sql =
      '-- creates a; then b\nCREATE TABLE a (x UInt8) ENGINE = Memory; /* b; later */\n-- trailing note;\n';
    expect(splitSqlStatements(sql)).toEqual([
      '-- creates a; then b\nCREATE TABLE a (x UInt8) ENGINE = Memory',
    ]);
  });

  it('keeps {name:Type} placeholders and braces intact', () => {
    expect(
      splitSqlStatements("CREATE TABLE {database:Identifier}.t (m String DEFAULT '{}') ENGINE = Memory;"),
    ).toEqual(["CREATE TABLE {database:Identifier}.t (m String DEFAULT '{}') ENGINE = Memory"]);
  });

  it('returns nothing for a file of comments and whitespace', () => {
    expect(splitSqlStatements('\n-- nothing yet;\n/* ; */\n;\n')).toEqual([]);
  });

  it('reports an unterminated literal with its line', () => {
    expect(() => splitSqlStatements("SELECT 1;\nSELECT 'oops;\n")).toThrow(
      "unterminated ' quote starting on line 2",
    );
    expect(() => splitSqlStatements('SELECT 1; /* open')).toThrow(
      'unterminated /* comment starting on line 1',
    );
  });
});
