// Lints the APPSYNC_JS resolver for what the AppSync runtime refuses (no try/catch, classes,
// while, regex literals, disallowed built-ins ...), so mistakes show before a deploy.
import appsync from '@aws-appsync/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

export default [
  {
    files: ['resolvers/appsync/**/*.js'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: { allowDefaultProject: ['resolvers/appsync/*.js'] } },
    },
  },
  { files: ['resolvers/appsync/**/*.js'], ...appsync.configs.recommended },
];
