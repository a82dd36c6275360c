import { TokenType } from '@streamparser/json';

/**
 * Follows the keys of the root object in the token stream. The parser streams `$.issues.*` and so
 * never shows the root itself; this says whether it had an `issues` list at all, which tells an
 * empty page (`{ "issues": [] }`, an empty project) from JSON that is no search page.
 */
export class RootKeys {
  isObject = false;
  hasIssuesList = false;
  private depth = 0;
  private expectKey = false;
  private key: string | undefined;

  private get settled(): boolean {
    return this.hasIssuesList || (this.depth > 0 && !this.isObject);
  }

  see(token: TokenType, value: unknown): void {
    // Once the answer is known (an array root, or the list found), the rest of the file is not looked at.
    if (this.settled) return;
    if (this.depth === 1) this.seeInRoot(token, value);
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      if (this.depth === 0) {
        this.isObject = token === TokenType.LEFT_BRACE;
        this.expectKey = this.isObject;
      }
      this.depth += 1;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      this.depth -= 1;
    }
  }

  // Inside the root: a key, its colon, then one token that starts its value, then a comma.
  private seeInRoot(token: TokenType, value: unknown): void {
    if (token === TokenType.COMMA) {
      this.expectKey = true;
    } else if (this.expectKey && token === TokenType.STRING) {
      this.key = typeof value === 'string' ? value : undefined;
      this.expectKey = false;
    } else if (token !== TokenType.COLON && token !== TokenType.RIGHT_BRACE) {
      if (this.key === 'issues' && token === TokenType.LEFT_BRACKET) this.hasIssuesList = true;
      this.key = undefined;
    }
  }
}
