import { describe, expect, it } from 'vitest';
import { ApiError, canEdit, pathInFile, toApiError } from './api';

describe('the API client', () => {
  it('[WEB-API1] reads the API error shape with every detail and its path', () => {
    const error = toApiError(400, { error: { code: 'invalid_document', message: 'The document has 2 errors', details: [{ path: 'body.document.components[0].type', message: 'unknown type' }, { path: 'body.document', message: 'x' }, { nope: 1 }] } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_document');
    expect(error.details).toEqual([
      { path: 'body.document.components[0].type', message: 'unknown type' },
      { path: 'body.document', message: 'x' },
    ]);
  });

  it('[WEB-API2] tolerates answers that are not the API shape', () => {
    const error = toApiError(502, undefined);
    expect(error.message).toBe('The server answered 502.');
    expect(error.code).toBe('http_502');
    expect(error.details).toEqual([]);
  });

  it('[WEB-API3] shows import error paths inside the file', () => {
    expect(pathInFile('body.document.components[2].type')).toBe('components[2].type');
    expect(pathInFile('body.document[0]')).toBe('[0]');
    expect(pathInFile('body.document')).toBe('(the whole file)');
  });

  it('[WEB-API4] lets only owners and editors change content', () => {
    expect(['owner', 'editor', 'commenter', 'viewer'].map((r) => canEdit(r as never))).toEqual([true, true, false, false]);
  });
});
