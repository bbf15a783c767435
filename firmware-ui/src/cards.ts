// The cards' styles (cards.css): loaded with the overview, the banner or any other page, not
// with sign-in and setup, so the page a phone lands on first stays within one round trip.
import { adopt } from './lazy.ts';
import css from './cards.css?inline';

adopt(css);
