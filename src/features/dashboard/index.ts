/** The client's dashboard (home). */
export { HomeScreen } from './HomeScreen';
