/** The popup's name function (src/name-display.ts), given to every section by its App. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { asGiven, type NameOf } from '../src/name-display.ts';

export const Names = createContext<NameOf>(asGiven);

export const useNameOf = (): NameOf => useContext(Names);
