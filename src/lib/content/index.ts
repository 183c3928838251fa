// Course content types and schemas shared by server, client and the authoring editor.
export * from './categories';
export * from './schema';
