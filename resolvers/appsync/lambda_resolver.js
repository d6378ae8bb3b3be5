// The one APPSYNC_JS resolver of hrgraph: every field calls the Lambda handler.
//
// request: send the direct-Lambda event powertools' AppSyncResolver expects
// (arguments, identity, source, info, request.headers, prev, stash).
// Fields listed in BATCHED use BatchInvoke: AppSync gathers the payloads of one
// level of the response into a list (up to the resolver's maxBatchSize) and
// the handler answers them with one warehouse query.
//
// response: the handler RETURNS errors as {__hrgraphError: {errorType, message,
// errorInfo}} (resolvers/envelope.py), because an exception raised in the
// Lambda reaches clients as errorType "Lambda:Unhandled". Here the envelope
// becomes a GraphQL error with our errorType. See docs/errors.md.
import { util } from '@aws-appsync/utils';

const BATCHED = { 'Employee.department': true, 'Employee.job': true };

export function request(ctx) {
  const key = ctx.info.parentTypeName + '.' + ctx.info.fieldName;
  return {
    operation: BATCHED[key] === true ? 'BatchInvoke' : 'Invoke',
    payload: {
      arguments: ctx.arguments,
      identity: ctx.identity,
      source: ctx.source,
      info: {
        fieldName: ctx.info.fieldName,
        parentTypeName: ctx.info.parentTypeName,
        variables: ctx.info.variables,
        selectionSetList: ctx.info.selectionSetList,
        selectionSetGraphQL: ctx.info.selectionSetGraphQL,
      },
      request: { headers: ctx.request.headers },
      prev: ctx.prev,
      stash: ctx.stash,
    },
  };
}

export function response(ctx) {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  const failure = ctx.result ? ctx.result.__hrgraphError : null;
  if (failure) {
    util.error(failure.message, failure.errorType, null, failure.errorInfo);
  }
  return ctx.result;
}
