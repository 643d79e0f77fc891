import consume from './consume';
import deadLetter from './dead-letter';
import graphql from './graphql';
import grpc from './grpc';
import http from './http';
import publish from './publish';
import read from './read';
import replication from './replication';
import stream from './stream';
import telemetry from './telemetry';
import websocket from './websocket';
import write from './write';

/** Every connection type. Adding one = one file + one line here. */
export const CONNECTION_DEFS = [
  http,
  grpc,
  graphql,
  websocket,
  publish,
  consume,
  read,
  write,
  stream,
  deadLetter,
  telemetry,
  replication,
] as const;

export type ConnectionType = (typeof CONNECTION_DEFS)[number]['id'];
