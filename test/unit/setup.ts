/** Unit tests run matching as the CLI does: with the shipped synonym table installed. */
import { installBundledSynonyms } from '../../src/corpus/node.ts';

installBundledSynonyms();
